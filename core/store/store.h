// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/loader.h"
#include "core/dataset/problem.h"
#include "core/store/database.h"
#include "core/store/records.h"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace wb::store {

/// Produces a dataset's problems by calling the sink once per problem, then returns what is known about the
/// file. dataset::streamDataset fits: `[&](auto& sink) { return dataset::streamDataset(path, options, sink); }`.
using DatasetProducer = std::function<Result<dataset::DatasetInfo>(const dataset::ProblemSink& sink)>;

/// Typed access to the workbench's SQLite store: datasets and problems, methods, demo sets, runs with their
/// calls and results, and the response cache. The schema is described in docs/store.md.
///
/// Thread-safety: like Database, a Store is one connection used from one thread. Open a second Store on the
/// same file for another thread or process (e.g. the GUI reads while the runner writes); WAL keeps readers
/// and the writer from blocking each other.
class Store {
public:
    /// Opens (creating if needed) a file store and migrates it to the latest schema version. A store written
    /// by a newer program is refused with a Database error. Database::Mode::ReadOnly opens an existing file
    /// without migrating it or switching its journal mode (an unwritable file, a read-only directory); it must
    /// be at the latest schema version, and every write fails with an error saying the database is read-only.
    static Result<Store> open(const std::string& path, Database::Mode mode = Database::Mode::ReadWrite);
    /// For readers (the GUI's views, `runs`, `report`): open() ReadWrite when this process may write the file
    /// and its folder, so an older file is migrated as usual, and ReadOnly when it may not (Database::modeFor).
    static Result<Store> openAsAllowed(const std::string& path);
    /// A fresh in-memory store at the latest schema version.
    static Result<Store> openMemory();

    Database& database() { return m_db; }
    const std::string& path() const { return m_db.path(); }
    bool isReadOnly() const { return m_db.isReadOnly(); }

    // Datasets --------------------------------------------------------------------------------------------

    /// Imports a dataset and its problems in one transaction. Idempotent: when a dataset with
    /// info.contentHash is already stored, nothing is written and its id comes back with alreadyPresent.
    /// Problems are stored under their `index`; each gets the sha256 of its canonical JSON as content hash.
    Result<ImportResult> importDataset(const dataset::DatasetInfo& info, const std::vector<dataset::Problem>& problems);
    /// The same, streaming: problems are inserted as `produce` hands them over, so memory does not grow with
    /// the file. The import is rolled back if `produce` fails or the content hash turns out to be stored already.
    Result<ImportResult> importDatasetStreaming(const DatasetProducer& produce);

    Result<std::optional<DatasetRecord>> findDatasetByHash(const std::string& contentHash);
    /// NotFound when no dataset has this id.
    Result<DatasetRecord> dataset(RowId datasetId);
    /// All datasets, oldest first.
    Result<std::vector<DatasetRecord>> listDatasets();
    /// The dataset's problems ordered by index, equal field by field to what was imported.
    Result<std::vector<dataset::Problem>> loadProblems(RowId datasetId);
    /// A page of the dataset's problems (index order) for views that must not load everything at once.
    Result<std::vector<dataset::Problem>> loadProblems(RowId datasetId, std::int64_t offset, std::int64_t limit);
    /// One problem; NotFound when the dataset has no problem at `index`.
    Result<dataset::Problem> loadProblem(RowId datasetId, std::int64_t index);
    /// Deletes a dataset and its problems. Fails (foreign key) while runs still refer to it.
    Result<void> deleteDataset(RowId datasetId);

    // Methods and demo sets -------------------------------------------------------------------------------

    /// Stores a method; an identical definition (same sha256) returns the existing row's id.
    Result<RowId> saveMethod(const MethodRecord& method);
    Result<MethodRecord> method(RowId methodId);
    Result<std::optional<MethodRecord>> findMethodBySha(const std::string& sha256);
    Result<std::vector<MethodRecord>> listMethods();

    Result<RowId> saveDemoSet(const DemoSetRecord& demoSet);
    Result<DemoSetRecord> demoSet(RowId demoSetId);
    Result<std::vector<DemoSetRecord>> listDemoSets();

    // Runs ------------------------------------------------------------------------------------------------

    /// Creates a run in status Planned. Credential-like fields are removed from its JSON before writing; JSON
    /// that cannot be parsed is refused (InvalidInput) because it could not be checked.
    Result<RowId> createRun(const NewRun& run);
    /// Sets the status and updated_at. NotFound when the run does not exist.
    Result<void> setRunStatus(RowId runId, RunStatus status);
    /// Replaces the run's configuration (credential-like fields removed), e.g. with parameter rules the backend
    /// taught during the run. NotFound when the run does not exist.
    Result<void> setRunConfig(RowId runId, const std::string& configJson);
    Result<RunRecord> run(RowId runId);
    /// All runs, newest first, with their call and result counts.
    Result<std::vector<RunRecord>> listRuns();
    /// Deletes a run with its calls and results.
    Result<void> deleteRun(RowId runId);

    /// The lease of whoever executes the run now, if any (it may be stale: see run/runlease.h).
    Result<std::optional<RunLease>> runLease(RowId runId);
    /// Takes the run's lease when nobody holds it or when it is still held by `replacing` (the owner of a lease
    /// judged stale), atomically; false when another owner got there first.
    Result<bool> claimRunLease(const RunLease& lease, const std::optional<std::string>& replacing);
    /// Moves the heartbeat of `owner`'s lease; false when the lease is no longer `owner`'s (taken over).
    Result<bool> renewRunLease(RowId runId, const std::string& owner, double heartbeatAt);
    /// Gives the lease up; nothing happens when it is not `owner`'s.
    Result<void> releaseRunLease(RowId runId, const std::string& owner);

    /// Records one finished call and commits it before returning, so that a crash afterwards cannot lose it.
    /// A call with the same (run, problem, step) replaces the earlier row (a retried error). Refused with
    /// Usage while a Transaction is open on this connection, because the commit would then be deferred.
    Result<RowId> recordCall(const CallRecord& call);
    /// (problem, step) of every call of the run with text (Done or Truncated) — what resume skips. Others are not
    /// included, so they are retried.
    Result<std::set<CallKey>> finishedCallKeys(RowId runId);
    /// Calls of a run ordered by problem, then recording order.
    Result<std::vector<CallRecord>> loadCalls(RowId runId);
    Result<std::vector<CallRecord>> loadCalls(RowId runId, std::int64_t problemIndex);

    /// Stores (or replaces) the result of one problem of a run; committed before returning.
    Result<void> recordResult(const ResultRecord& result);
    /// Results of a run ordered by problem index.
    Result<std::vector<ResultRecord>> loadResults(RowId runId);

    // Response cache --------------------------------------------------------------------------------------

    /// The cached response body for `cacheKey`, or nullopt.
    Result<std::optional<std::string>> cacheGet(const std::string& cacheKey);
    /// Stores (or replaces) a response body under `cacheKey`; committed before returning.
    Result<void> cachePut(const std::string& cacheKey, const std::string& responseJson);

private:
    explicit Store(Database db);
    Result<std::vector<CallRecord>> queryCalls(const char* sql, RowId runId, std::optional<std::int64_t> problemIndex);
    Result<std::vector<RunRecord>> queryRuns(std::optional<RowId> runId);

    Database m_db;
};

} // namespace wb::store
