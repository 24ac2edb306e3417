// SPDX-License-Identifier: Apache-2.0
#include "core/llm/responsecache.h"

namespace wb::llm {

std::optional<std::string> MemoryResponseCache::get(const std::string& key)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    return it->second;
}

void MemoryResponseCache::put(const std::string& key, const std::string& body)
{
    std::lock_guard lock(m_mutex);
    m_entries[key] = body;
}

std::size_t MemoryResponseCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

} // namespace wb::llm
