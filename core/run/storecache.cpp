// SPDX-License-Identifier: Apache-2.0
#include "core/run/storecache.h"

#include "core/store/store.h"

namespace wb::run {

StoreResponseCache::StoreResponseCache(std::unique_ptr<store::Store> store)
    : m_store(std::move(store))
{
}

StoreResponseCache::~StoreResponseCache() = default;

Result<std::shared_ptr<StoreResponseCache>> StoreResponseCache::open(const std::string& storePath)
{
    auto store = store::Store::open(storePath);
    if (!store)
        return store.error();
    return std::shared_ptr<StoreResponseCache>(
        new StoreResponseCache(std::make_unique<store::Store>(std::move(*store))));
}

std::optional<std::string> StoreResponseCache::get(const std::string& key)
{
    const std::lock_guard lock(m_mutex);
    auto hit = m_store->cacheGet(key);
    // A cache that cannot be read behaves as a miss: the call is simply sent.
    return hit ? *hit : std::nullopt;
}

void StoreResponseCache::put(const std::string& key, const std::string& body)
{
    const std::lock_guard lock(m_mutex);
    // A failed write only costs a future cache hit; the call itself is recorded by the runner.
    (void)m_store->cachePut(key, body);
}

} // namespace wb::run
