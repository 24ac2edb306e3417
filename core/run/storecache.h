// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/llm/responsecache.h"

#include <memory>
#include <mutex>
#include <string>

namespace wb::store {
class Store;
}

namespace wb::run {

/// The llm client's response cache kept in the store's response_cache table. It owns a second connection to
/// the store file, because the client reads from the submitting thread and writes from its event-loop thread
/// while the runner writes calls through the first; a mutex serialises the two client threads.
class StoreResponseCache final : public llm::ResponseCache {
public:
    static Result<std::shared_ptr<StoreResponseCache>> open(const std::string& storePath);
    ~StoreResponseCache() override;

    std::optional<std::string> get(const std::string& key) override;
    void put(const std::string& key, const std::string& body) override;

private:
    explicit StoreResponseCache(std::unique_ptr<store::Store> store);
    std::mutex m_mutex;
    std::unique_ptr<store::Store> m_store;
};

} // namespace wb::run
