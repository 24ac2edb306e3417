// SPDX-License-Identifier: Apache-2.0
// Store: runs, their calls and their results.
#include "core/store/store.h"

#include "core/store/rows.h"
#include "core/store/secrets.h"
#include "core/store/statement.h"

#include <utility>

namespace wb::store {

namespace {

constexpr const char* kCallColumns
    = "SELECT id, run_id, problem_idx, step, sample_index, cache_key, request_json, response_json, response_text,"
      " status, error, prompt_tokens, completion_tokens, latency_ms, attempts, from_cache, created_at FROM calls";

constexpr const char* kRunQuery
    = "SELECT r.id, r.name, r.dataset_id, r.method_id, r.demo_set_id, r.backend_json, r.params_json, r.config_json,"
      " r.status, r.created_at, r.updated_at,"
      " (SELECT count(*) FROM calls c WHERE c.run_id = r.id AND c.status = 'done'),"
      " (SELECT count(*) FROM calls c WHERE c.run_id = r.id AND c.status = 'error'),"
      " (SELECT count(*) FROM results s WHERE s.run_id = r.id),"
      " (SELECT count(*) FROM results s WHERE s.run_id = r.id AND s.correct = 1)"
      " FROM runs r";

std::optional<RowId> optionalId(const Statement& stmt, int column) { return stmt.columnOptionalInt64(column); }

RunRecord readRun(const Statement& stmt)
{
    RunRecord run;
    run.id = stmt.columnInt64(0);
    run.name = stmt.columnText(1);
    run.datasetId = stmt.columnInt64(2);
    run.methodId = optionalId(stmt, 3);
    run.demoSetId = optionalId(stmt, 4);
    run.backendJson = stmt.columnText(5);
    run.paramsJson = stmt.columnText(6);
    run.configJson = stmt.columnText(7);
    // The CHECK constraint keeps status to known names; Planned is only a fallback for a hand-edited file.
    run.status = runStatusFromName(stmt.columnText(8)).value_or(RunStatus::Planned);
    run.createdAt = stmt.columnText(9);
    run.updatedAt = stmt.columnText(10);
    run.doneCalls = static_cast<std::size_t>(stmt.columnInt64(11));
    run.errorCalls = static_cast<std::size_t>(stmt.columnInt64(12));
    run.results = static_cast<std::size_t>(stmt.columnInt64(13));
    run.correct = static_cast<std::size_t>(stmt.columnInt64(14));
    return run;
}

CallRecord readCall(const Statement& stmt)
{
    CallRecord call;
    call.id = stmt.columnInt64(0);
    call.runId = stmt.columnInt64(1);
    call.problemIndex = stmt.columnInt64(2);
    call.step = stmt.columnText(3);
    call.sampleIndex = static_cast<int>(stmt.columnInt64(4));
    call.cacheKey = stmt.columnText(5);
    call.requestJson = stmt.columnText(6);
    call.responseJson = stmt.columnText(7);
    call.responseText = stmt.columnText(8);
    call.status = stmt.columnText(9) == "error" ? CallStatus::Error : CallStatus::Done;
    call.error = stmt.columnText(10);
    call.promptTokens = stmt.columnOptionalInt64(11);
    call.completionTokens = stmt.columnOptionalInt64(12);
    call.latencyMs = stmt.columnOptionalDouble(13);
    call.attempts = static_cast<int>(stmt.columnInt64(14));
    call.fromCache = stmt.columnInt64(15) != 0;
    call.createdAt = stmt.columnText(16);
    return call;
}

ResultRecord readResult(const Statement& stmt)
{
    ResultRecord result;
    result.runId = stmt.columnInt64(0);
    result.problemIndex = stmt.columnInt64(1);
    result.extractedAnswer = stmt.columnText(2);
    result.extractedNumber = stmt.columnOptionalDouble(3);
    if (auto correct = stmt.columnOptionalInt64(4))
        result.correct = *correct != 0;
    result.error = stmt.columnText(5);
    result.calls = stmt.columnInt64(6);
    result.tokens = stmt.columnInt64(7);
    result.detailsJson = stmt.columnText(8);
    result.createdAt = stmt.columnText(9);
    return result;
}

/// Sets one column of a run (a fixed name, never user input) and its updated_at.
Result<void> updateRunColumn(Database& db, RowId runId, const char* column, const std::string& value)
{
    auto stmt = db.prepare(std::string("UPDATE runs SET ") + column
        + " = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    for (auto r : { stmt->bind(1, runId), stmt->bind(2, value) }) {
        if (!r)
            return r;
    }
    if (auto r = stmt->run(); !r)
        return r;
    if (db.changes() == 0)
        return notFoundError("run", runId, db);
    return {};
}

Error committedLater(const Database& db, const char* what)
{
    return makeError(ErrorCode::Usage,
        std::string(what) + " must be committed at once, but a transaction is open on database " + db.path());
}

} // namespace

Result<RowId> Store::createRun(const NewRun& run)
{
    auto backend = stripCredentials(run.backendJson.empty() ? "{}" : run.backendJson, "runs.backend_json");
    if (!backend)
        return backend.error();
    auto params = stripCredentials(run.paramsJson.empty() ? "{}" : run.paramsJson, "runs.params_json");
    if (!params)
        return params.error();
    auto config = stripCredentials(run.configJson.empty() ? "{}" : run.configJson, "runs.config_json");
    if (!config)
        return config.error();
    auto stmt = m_db.prepare("INSERT INTO runs (name, dataset_id, method_id, demo_set_id, backend_json, params_json,"
                             " config_json, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'planned')");
    if (!stmt)
        return stmt.error();
    for (auto r : { stmt->bind(1, run.name), stmt->bind(2, run.datasetId), stmt->bind(3, run.methodId),
             stmt->bind(4, run.demoSetId), stmt->bind(5, *backend), stmt->bind(6, *params), stmt->bind(7, *config) }) {
        if (!r)
            return r.error();
    }
    if (auto r = stmt->run(); !r)
        return r.error();
    return m_db.lastInsertRowId();
}

Result<void> Store::setRunStatus(RowId runId, RunStatus status)
{
    return updateRunColumn(m_db, runId, "status", runStatusName(status));
}

Result<void> Store::setRunConfig(RowId runId, const std::string& configJson)
{
    auto config = stripCredentials(configJson, "runs.config_json");
    if (!config)
        return config.error();
    return updateRunColumn(m_db, runId, "config_json", *config);
}

Result<std::vector<RunRecord>> Store::queryRuns(std::optional<RowId> runId)
{
    auto stmt = m_db.prepare(std::string(kRunQuery) + (runId ? " WHERE r.id = ?1" : " ORDER BY r.id DESC"));
    if (!stmt)
        return stmt.error();
    if (runId) {
        if (auto r = stmt->bindInt64(1, *runId); !r)
            return r.error();
    }
    return collectRows<RunRecord>(*stmt, readRun);
}

Result<RunRecord> Store::run(RowId runId)
{
    auto runs = queryRuns(runId);
    if (!runs)
        return runs.error();
    if (runs->empty())
        return notFoundError("run", runId, m_db);
    return std::move(runs->front());
}

Result<std::vector<RunRecord>> Store::listRuns() { return queryRuns(std::nullopt); }

Result<void> Store::deleteRun(RowId runId)
{
    auto stmt = m_db.prepare("DELETE FROM runs WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bindInt64(1, runId); !r)
        return r;
    return stmt->run();
}

Result<RowId> Store::recordCall(const CallRecord& call)
{
    if (m_db.inTransaction())
        return committedLater(m_db, "a call");
    // Outside an explicit transaction every statement is its own transaction, so the row is durable (WAL) the
    // moment run() returns. The upsert keeps the row id stable when an errored call is retried.
    auto stmt = m_db.prepare(
        "INSERT INTO calls (run_id, problem_idx, step, sample_index, cache_key, request_json, response_json,"
        " response_text, status, error, prompt_tokens, completion_tokens, latency_ms, attempts, from_cache)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
        " ON CONFLICT (run_id, problem_idx, step) DO UPDATE SET sample_index = excluded.sample_index,"
        " cache_key = excluded.cache_key, request_json = excluded.request_json, response_json = excluded.response_json,"
        " response_text = excluded.response_text, status = excluded.status, error = excluded.error,"
        " prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,"
        " latency_ms = excluded.latency_ms, attempts = excluded.attempts, from_cache = excluded.from_cache,"
        " created_at = excluded.created_at"
        " RETURNING id");
    if (!stmt)
        return stmt.error();
    Statement& s = *stmt;
    for (auto r :
        { s.bind(1, call.runId), s.bind(2, call.problemIndex), s.bind(3, call.step), s.bind(4, call.sampleIndex),
            s.bind(5, call.cacheKey), s.bind(6, call.requestJson), s.bind(7, call.responseJson),
            s.bind(8, call.responseText), s.bind(9, call.status == CallStatus::Error ? "error" : "done"),
            s.bind(10, call.error), s.bind(11, call.promptTokens), s.bind(12, call.completionTokens),
            s.bind(13, call.latencyMs), s.bind(14, call.attempts), s.bind(15, call.fromCache) }) {
        if (!r)
            return r.error();
    }
    auto stepped = s.step();
    if (!stepped)
        return stepped.error();
    const RowId id = s.columnInt64(0);
    if (auto r = s.run(); !r) // finish the statement so its implicit transaction commits
        return r.error();
    return id;
}

Result<std::set<CallKey>> Store::finishedCallKeys(RowId runId)
{
    auto stmt = m_db.prepare("SELECT problem_idx, step FROM calls WHERE run_id = ?1 AND status = 'done'");
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bindInt64(1, runId); !r)
        return r.error();
    auto keys = collectRows<CallKey>(*stmt, [](const Statement& s) {
        return CallKey { s.columnInt64(0), s.columnText(1) };
    });
    if (!keys)
        return keys.error();
    return std::set<CallKey>(std::make_move_iterator(keys->begin()), std::make_move_iterator(keys->end()));
}

Result<std::vector<CallRecord>> Store::queryCalls(
    const char* sql, RowId runId, std::optional<std::int64_t> problemIndex)
{
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bindInt64(1, runId); !r)
        return r.error();
    if (problemIndex) {
        if (auto r = stmt->bindInt64(2, *problemIndex); !r)
            return r.error();
    }
    return collectRows<CallRecord>(*stmt, readCall);
}

Result<std::vector<CallRecord>> Store::loadCalls(RowId runId)
{
    static const std::string sql = std::string(kCallColumns) + " WHERE run_id = ?1 ORDER BY problem_idx, id";
    return queryCalls(sql.c_str(), runId, std::nullopt);
}

Result<std::vector<CallRecord>> Store::loadCalls(RowId runId, std::int64_t problemIndex)
{
    static const std::string sql = std::string(kCallColumns) + " WHERE run_id = ?1 AND problem_idx = ?2 ORDER BY id";
    return queryCalls(sql.c_str(), runId, problemIndex);
}

Result<void> Store::recordResult(const ResultRecord& result)
{
    if (m_db.inTransaction())
        return committedLater(m_db, "a result");
    auto stmt
        = m_db.prepare("INSERT OR REPLACE INTO results (run_id, problem_idx, extracted_answer, extracted_number,"
                       " correct, error, calls, tokens, details_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!stmt)
        return stmt.error();
    Statement& s = *stmt;
    for (auto r : { s.bind(1, result.runId), s.bind(2, result.problemIndex), s.bind(3, result.extractedAnswer),
             s.bind(4, result.extractedNumber), s.bind(5, result.correct), s.bind(6, result.error),
             s.bind(7, result.calls), s.bind(8, result.tokens),
             s.bind(9, result.detailsJson.empty() ? std::string("{}") : result.detailsJson) }) {
        if (!r)
            return r;
    }
    return s.run();
}

Result<std::vector<ResultRecord>> Store::loadResults(RowId runId)
{
    auto stmt = m_db.prepare("SELECT run_id, problem_idx, extracted_answer, extracted_number, correct, error, calls,"
                             " tokens, details_json, created_at FROM results WHERE run_id = ?1 ORDER BY problem_idx");
    if (!stmt)
        return stmt.error();
    if (auto r = stmt->bindInt64(1, runId); !r)
        return r.error();
    return collectRows<ResultRecord>(*stmt, readResult);
}

} // namespace wb::store
