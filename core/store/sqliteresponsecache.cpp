// SPDX-License-Identifier: Apache-2.0
#include "core/store/sqliteresponsecache.h"

#include <utility>

namespace wb::store {

SqliteResponseCache::SqliteResponseCache(Store store)
    : m_store(std::move(store))
{
}

Result<std::unique_ptr<SqliteResponseCache>> SqliteResponseCache::open(const std::string& path)
{
    auto store = Store::open(path);
    if (!store)
        return store.error();
    return std::make_unique<SqliteResponseCache>(std::move(*store));
}

std::optional<std::string> SqliteResponseCache::get(const std::string& key)
{
    std::lock_guard lock(m_mutex);
    auto found = m_store.cacheGet(key);
    if (!found) {
        m_lastError = found.error();
        return std::nullopt;
    }
    return std::move(*found);
}

void SqliteResponseCache::put(const std::string& key, const std::string& body)
{
    std::lock_guard lock(m_mutex);
    if (auto r = m_store.cachePut(key, body); !r)
        m_lastError = r.error();
}

std::optional<Error> SqliteResponseCache::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

} // namespace wb::store
