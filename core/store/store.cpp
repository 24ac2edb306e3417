// SPDX-License-Identifier: Apache-2.0
#include "core/store/store.h"

#include "core/common/sha256.h"
#include "core/store/rows.h"
#include "core/store/schema.h"
#include "core/store/statement.h"

#include <array>
#include <utility>

namespace wb::store {

namespace {

constexpr std::array<const char*, 5> kRunStatusNames = { "planned", "running", "cancelled", "failed", "completed" };

MethodRecord readMethod(const Statement& stmt)
{
    return MethodRecord { stmt.columnInt64(0), stmt.columnText(1), stmt.columnText(2), stmt.columnText(3),
        stmt.columnText(4), stmt.columnText(5) };
}

DemoSetRecord readDemoSet(const Statement& stmt)
{
    return DemoSetRecord { stmt.columnInt64(0), stmt.columnText(1), stmt.columnText(2), stmt.columnText(3),
        stmt.columnText(4) };
}

constexpr const char* kMethodColumns = "SELECT id, name, version, definition_json, sha256, created_at FROM methods";
constexpr const char* kDemoSetColumns = "SELECT id, name, how_made, items_json, created_at FROM demo_sets";

template <class Record, class Reader>
Result<std::vector<Record>> query(Database& db, const std::string& sql, Reader read,
    const std::optional<std::string>& textParam = std::nullopt, std::optional<RowId> idParam = std::nullopt)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    auto bound = textParam ? stmt->bindText(1, *textParam) : idParam ? stmt->bindInt64(1, *idParam) : Result<void>();
    if (!bound)
        return bound.error();
    return collectRows<Record>(*stmt, read);
}

} // namespace

Error notFoundError(const std::string& what, std::int64_t id, const Database& db)
{
    return makeError(ErrorCode::NotFound, what + " " + std::to_string(id) + " does not exist in database " + db.path());
}

const char* runStatusName(RunStatus status) { return kRunStatusNames[static_cast<std::size_t>(status)]; }

std::optional<RunStatus> runStatusFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kRunStatusNames.size(); ++i) {
        if (name == kRunStatusNames[i])
            return static_cast<RunStatus>(i);
    }
    return std::nullopt;
}

Store::Store(Database db)
    : m_db(std::move(db))
{
}

Result<Store> Store::open(const std::string& path, Database::Mode mode)
{
    auto db = Database::open(path, mode);
    if (!db)
        return db.error();
    if (auto r = mode == Database::Mode::ReadWrite ? migrate(*db) : requireLatestSchema(*db); !r)
        return r.error();
    return Store(std::move(*db));
}

Result<Store> Store::openAsAllowed(const std::string& path) { return open(path, Database::modeFor(path)); }

Result<Store> Store::openMemory()
{
    auto db = Database::openMemory();
    if (!db)
        return db.error();
    if (auto r = migrate(*db); !r)
        return r.error();
    return Store(std::move(*db));
}

Result<RowId> Store::saveMethod(const MethodRecord& method)
{
    const std::string sha = method.sha256.empty() ? Sha256::hex(method.definitionJson) : method.sha256;
    if (auto existing = findMethodBySha(sha); !existing)
        return existing.error();
    else if (existing->has_value())
        return (*existing)->id;
    auto stmt = m_db.prepare("INSERT INTO methods (name, version, definition_json, sha256) VALUES (?1, ?2, ?3, ?4)");
    if (!stmt)
        return stmt.error();
    for (auto r : { stmt->bindText(1, method.name), stmt->bindText(2, method.version),
             stmt->bindText(3, method.definitionJson), stmt->bindText(4, sha) }) {
        if (!r)
            return r.error();
    }
    if (auto r = stmt->run(); !r)
        return r.error();
    return m_db.lastInsertRowId();
}

Result<MethodRecord> Store::method(RowId methodId)
{
    auto rows
        = query<MethodRecord>(m_db, std::string(kMethodColumns) + " WHERE id = ?1", readMethod, std::nullopt, methodId);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return notFoundError("method", methodId, m_db);
    return std::move(rows->front());
}

Result<std::optional<MethodRecord>> Store::findMethodBySha(const std::string& sha256)
{
    auto rows = query<MethodRecord>(m_db, std::string(kMethodColumns) + " WHERE sha256 = ?1", readMethod, sha256);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<MethodRecord>();
    return std::optional<MethodRecord>(std::move(rows->front()));
}

Result<std::vector<MethodRecord>> Store::listMethods()
{
    return query<MethodRecord>(m_db, std::string(kMethodColumns) + " ORDER BY name, id", readMethod);
}

Result<RowId> Store::saveDemoSet(const DemoSetRecord& demoSet)
{
    auto stmt = m_db.prepare("INSERT INTO demo_sets (name, how_made, items_json) VALUES (?1, ?2, ?3)");
    if (!stmt)
        return stmt.error();
    const std::string items = demoSet.itemsJson.empty() ? std::string("[]") : demoSet.itemsJson;
    for (auto r : { stmt->bindText(1, demoSet.name), stmt->bindText(2, demoSet.howMade), stmt->bindText(3, items) }) {
        if (!r)
            return r.error();
    }
    if (auto r = stmt->run(); !r)
        return r.error();
    return m_db.lastInsertRowId();
}

Result<DemoSetRecord> Store::demoSet(RowId demoSetId)
{
    auto rows = query<DemoSetRecord>(
        m_db, std::string(kDemoSetColumns) + " WHERE id = ?1", readDemoSet, std::nullopt, demoSetId);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return notFoundError("demo set", demoSetId, m_db);
    return std::move(rows->front());
}

Result<std::vector<DemoSetRecord>> Store::listDemoSets()
{
    return query<DemoSetRecord>(m_db, std::string(kDemoSetColumns) + " ORDER BY id", readDemoSet);
}

Result<std::optional<std::string>> Store::cacheGet(const std::string& cacheKey)
{
    auto stmt = m_db.prepare("SELECT response_json FROM response_cache WHERE cache_key = ?1");
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bindText(1, cacheKey); !r)
        return r.error();
    return nextRow<std::string>(*stmt, [](const Statement& s) { return s.columnText(0); });
}

Result<void> Store::cachePut(const std::string& cacheKey, const std::string& responseJson)
{
    auto stmt = m_db.prepare("INSERT OR REPLACE INTO response_cache (cache_key, response_json) VALUES (?1, ?2)");
    if (!stmt)
        return stmt.error();
    for (auto r : { stmt->bindText(1, cacheKey), stmt->bindText(2, responseJson) }) {
        if (!r)
            return r.error();
    }
    return stmt->run();
}

} // namespace wb::store
