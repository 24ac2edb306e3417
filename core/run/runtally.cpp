// SPDX-License-Identifier: Apache-2.0
#include "core/run/runtally.h"

#include "core/store/statement.h"
#include "core/store/store.h"

namespace wb::run {
namespace {

/// Prepares `sql` with ?1 bound to the run and ?2 to the number of problems.
Result<store::Statement> prepareForRun(store::Store& store, const char* sql, store::RowId runId, std::size_t problems)
{
    auto statement = store.database().prepare(sql);
    if (!statement)
        return statement.error();
    if (auto r = statement->bind(1, runId); !r)
        return r.error();
    if (auto r = statement->bind(2, std::int64_t(problems)); !r)
        return r.error();
    return statement;
}

} // namespace

Result<RunTally> tallyRun(store::Store& store, store::RowId runId, std::size_t problems)
{
    RunTally tally;
    auto calls = prepareForRun(store,
        "SELECT count(*) FROM calls WHERE run_id = ?1 AND status NOT IN ('error', 'malformed') AND problem_idx < ?2",
        runId, problems);
    if (!calls)
        return calls.error();
    auto row = calls->step();
    if (!row)
        return row.error();
    tally.doneCalls = std::uint64_t(calls->columnInt64(0));

    auto results = prepareForRun(store,
        "SELECT count(*), coalesce(sum(status <> 'error'), 0), coalesce(sum(status = 'error'), 0),"
        " coalesce(sum(status = 'no_answer'), 0), coalesce(sum(status = 'correct'), 0),"
        " coalesce(sum(status = 'wrong'), 0) FROM results WHERE run_id = ?1 AND problem_idx < ?2",
        runId, problems);
    if (!results)
        return results.error();
    row = results->step();
    if (!row)
        return row.error();
    tally.results = std::size_t(results->columnInt64(0));
    tally.scored = std::size_t(results->columnInt64(1));
    tally.errors = std::size_t(results->columnInt64(2));
    tally.noAnswer = std::size_t(results->columnInt64(3));
    tally.correct = std::size_t(results->columnInt64(4));
    tally.wrong = std::size_t(results->columnInt64(5));
    return tally;
}

Result<std::vector<bool>> scoredProblems(store::Store& store, store::RowId runId, std::size_t problems)
{
    std::vector<bool> scored(problems, false);
    auto query = prepareForRun(store,
        "SELECT problem_idx FROM results WHERE run_id = ?1 AND status <> 'error' AND problem_idx >= 0"
        " AND problem_idx < ?2",
        runId, problems);
    if (!query)
        return query.error();
    while (true) {
        auto row = query->step();
        if (!row)
            return row.error();
        if (*row == store::Statement::Step::Done)
            break;
        scored[std::size_t(query->columnInt64(0))] = true;
    }
    return scored;
}

} // namespace wb::run
