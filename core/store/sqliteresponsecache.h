// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/llm/responsecache.h"
#include "core/store/store.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace wb::store {

/// The LLM client's persistent cache: the `response_cache` table of a store file.
///
/// It owns its own connection, so it never shares a Database with another thread's Store; a mutex serialises
/// the client's submitting thread (get) and event-loop thread (put) on that connection. The cache is an
/// optimisation, so a failed read counts as a miss and a failed write is dropped; lastError() keeps the most
/// recent failure for logs.
class SqliteResponseCache final : public llm::ResponseCache {
public:
    /// Opens `path` (creating and migrating it like Store::open).
    static Result<std::unique_ptr<SqliteResponseCache>> open(const std::string& path);
    /// Adopts an open store (for tests on :memory:).
    explicit SqliteResponseCache(Store store);

    std::optional<std::string> get(const std::string& key) override;
    void put(const std::string& key, const std::string& body) override;

    /// The most recent failure, if any.
    std::optional<Error> lastError() const;

private:
    mutable std::mutex m_mutex;
    Store m_store;
    std::optional<Error> m_lastError;
};

} // namespace wb::store
