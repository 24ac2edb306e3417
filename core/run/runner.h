// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/cancel.h"
#include "core/common/result.h"
#include "core/eval/statistics.h"
#include "core/llm/keyprovider.h"
#include "core/llm/responsecache.h"
#include "core/relevance/encoder.h"
#include "core/run/progress.h"
#include "core/run/runconfig.h"
#include "core/run/stepprogram.h"
#include "core/store/records.h"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

namespace wb::store {
class Store;
}

namespace wb::run {

using RunId = store::RowId;

/// What execute() achieved. Counts cover the whole run (earlier sessions included) unless marked "session".
struct RunSummary {
    RunId runId = 0;
    store::RunStatus status = store::RunStatus::Planned;
    std::size_t problems = 0; ///< problems in the run
    std::size_t scored = 0; ///< problems with a result and no error
    std::size_t errors = 0; ///< problems recorded with an error
    std::size_t correct = 0;
    eval::Accuracy accuracy; ///< correct / problems, Wilson 95% CI; errors count as incorrect
    std::uint64_t plannedCalls = 0;
    std::uint64_t doneCalls = 0;
    std::uint64_t sessionSent = 0; ///< session: calls answered by the server (not the cache)
    std::uint64_t sessionCached = 0;
    std::uint64_t sessionResumed = 0; ///< session: calls skipped because their response was already stored
    std::uint64_t promptTokens = 0; ///< session
    std::uint64_t completionTokens = 0;
    double elapsedSeconds = 0.0;
};

/// What importBatch() did.
struct BatchImportSummary {
    std::size_t imported = 0; ///< calls stored with their response
    std::size_t failed = 0; ///< calls the provider reported as failed (stored as errors)
    std::size_t skipped = 0; ///< lines for calls that were already finished
    std::size_t problemsFinished = 0; ///< problems scored because their last call arrived
};

/// Builds the relevance encoder named by a run's configuration ("builtin" or an embeddings URL).
using EncoderFactory = std::function<Result<std::unique_ptr<relevance::Encoder>>(const RunConfig& config)>;

struct RunnerOptions {
    /// Response cache shared with the llm client. Default: a cache in the store's own file (a second
    /// connection), or an in-memory one for an in-memory store.
    std::shared_ptr<llm::ResponseCache> cache;
    StepProgramFactory programFactory; ///< default: method/
    EncoderFactory encoderFactory; ///< default: relevance/ builtin or embeddings endpoint
    double progressIntervalSeconds = 0.25;
    /// After a cancel, calls already sent get this long to deliver their (paid-for) responses before they are
    /// aborted; 0 aborts at once.
    double cancelGraceSeconds = 5.0;
    /// The run stops (status Failed, resumable) after this many calls in a row finally failed.
    /// 0 = max(20, 3 × concurrency).
    std::size_t failuresInARowLimit = 0;
    /// Problems worked on at the same time; bounds memory. 0 = 2 × concurrency + 4.
    std::size_t activeProblems = 0;
    std::function<void(const std::string&)> log; ///< diagnostic lines (retries, errors); any thread
    /// The backend's key, as a value (the GUI: the profile's keychain entry or variable, read on its own
    /// thread). Unset = the environment variable named by the run's backend.apiKeyEnv.
    llm::KeyProvider apiKey;
};

/// Plans and executes runs. execute() blocks its calling thread (the GUI runs it in a worker thread); requests
/// go through one llm::Client per run, up to the backend's concurrency. Every finished call is committed to
/// the store before it counts, so an interrupted run (cancel, crash, kill -9, network loss) resumes with
/// execute(runId) without re-sending any call whose response was stored. Memory stays flat in the number of
/// problems: only a window of active problems is held.
///
/// Thread-safety: one Runner per thread, with its own Store connection.
class Runner {
public:
    explicit Runner(store::Store& store, RunnerOptions options = {});
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    /// Validates `config`, imports its dataset into the store when it is not there yet (by content hash),
    /// stores the method and the complete configuration, and creates the run in status Planned.
    Result<RunId> create(RunConfig config);

    /// Runs (or resumes) every unfinished call of the run. Returns when all problems have a result, or when
    /// `cancel` is set (status Cancelled; the summary says how far it got). `progress` is called on this
    /// thread at most every progressIntervalSeconds and once at the end.
    Result<RunSummary> execute(RunId runId, const CancelToken& cancel, const ProgressObserver& progress = {});

    /// The stored configuration of a run.
    Result<RunConfig> config(RunId runId);

    /// Writes, as OpenAI Batch API JSONL, every planned call that is not finished and belongs to its problem's
    /// current stage (for I3C: all verify calls first, then after import the reason calls, then extract).
    /// Returns the number of lines written.
    Result<std::size_t> exportBatch(RunId runId, std::ostream& out);

    /// Reads a Batch API output file back into the run's calls (committed one by one, like execute()), then
    /// scores every problem whose last call arrived. `fileName` names the file in errors ("file:line").
    Result<BatchImportSummary> importBatch(RunId runId, std::istream& in, const std::string& fileName);

private:
    friend class RunExecution; // one session of execute(), in its own file (runexecution.h)
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace wb::run
