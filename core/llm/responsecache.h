// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace wb::llm {

/// Stores response bodies by cache key (see cacheKey()). Implementations must be safe to call from several
/// threads: the client reads from the submitting thread and writes from its event-loop thread.
class ResponseCache {
public:
    virtual ~ResponseCache() = default;
    virtual std::optional<std::string> get(const std::string& key) = 0;
    virtual void put(const std::string& key, const std::string& body) = 0;
};

/// In-process cache; a persistent one lives in store/.
class MemoryResponseCache final : public ResponseCache {
public:
    std::optional<std::string> get(const std::string& key) override;
    void put(const std::string& key, const std::string& body) override;
    std::size_t size() const;

private:
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::string> m_entries;
};

} // namespace wb::llm
