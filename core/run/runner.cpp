// SPDX-License-Identifier: Apache-2.0
#include "core/run/runner.h"

#include "core/common/sha256.h"
#include "core/dataset/loader.h"
#include "core/eval/scoring.h"
#include "core/llm/canonical.h"
#include "core/llm/client.h"
#include "core/relevance/relevance.h"
#include "core/method/methodjson.h"
#include "core/run/methodprogram.h"
#include "core/run/runplan.h"
#include "core/run/runtally.h"
#include "core/run/defaults.h"
#include "core/store/store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

namespace wb::run {
namespace {

double nowSeconds()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

/// A call handed to the client; kept until its callback's result has been committed.
struct InFlightCall {
    std::size_t problemIndex = 0;
    std::size_t step = 0;
    std::string requestJson;
    std::string cacheKey;
    int sampleIndex = 0;
};

/// Results the client's event-loop thread hands to the runner's thread.
struct Completion {
    std::uint64_t ticket = 0;
    Result<llm::ChatResponse> response;
};

class CompletionQueue {
public:
    void push(Completion completion)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_items.push_back(std::move(completion));
        }
        m_ready.notify_one();
    }
    /// Waits up to `seconds` for at least one completion and takes all that are there.
    std::deque<Completion> takeAll(double seconds)
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return !m_items.empty(); });
        std::deque<Completion> out;
        out.swap(m_items);
        return out;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Completion> m_items;
};

} // namespace

Runner::Runner(store::Store& store, RunnerOptions options)
    : d(new Impl { store, std::move(options) })
{
}

Runner::~Runner() = default;

Result<RunId> Runner::create(RunConfig config)
{
    config.programVersion = WB_VERSION;
    if (config.methodHash.empty())
        config.methodHash = Sha256::hex(config.methodText);
    if (auto valid = config.validate(); !valid)
        return valid.error();
    if (!config.datasetPath.empty()) {
        std::error_code ec;
        const auto absolute = std::filesystem::absolute(config.datasetPath, ec);
        if (!ec)
            config.datasetPath = absolute.lexically_normal().string();
    }

    // The dataset: reuse the stored copy with this content hash, else import the file.
    std::optional<store::DatasetRecord> dataset;
    if (!config.datasetHash.empty()) {
        auto found = d->store.findDatasetByHash(config.datasetHash);
        if (!found)
            return found.error();
        dataset = *found;
    }
    if (!dataset) {
        dataset::LoadOptions load;
        if (!config.datasetFormat.empty() && config.datasetFormat != "auto") {
            const auto format = dataset::formatFromName(config.datasetFormat);
            if (!format)
                return makeError(
                    ErrorCode::Usage, "unknown dataset format '" + config.datasetFormat + "'", "config.dataset.format");
            load.format = *format;
        }
        const std::string path = config.datasetPath;
        auto imported = d->store.importDatasetStreaming(
            [&](const dataset::ProblemSink& sink) { return dataset::streamDataset(path, load, sink); });
        if (!imported)
            return imported.error();
        auto record = d->store.dataset(imported->datasetId);
        if (!record)
            return record.error();
        if (!config.datasetHash.empty() && record->contentHash != config.datasetHash)
            return makeError(ErrorCode::InvalidInput,
                "the file's content hash " + record->contentHash + " differs from the expected " + config.datasetHash,
                config.datasetPath);
        dataset = *record;
    }
    config.datasetHash = dataset->contentHash;
    if (config.datasetFormat.empty() || config.datasetFormat == "auto")
        config.datasetFormat = dataset->format;
    if (dataset->problemCount == 0)
        return makeError(ErrorCode::InvalidInput, "the dataset has no problems", config.datasetPath);

    // A method of method/ that takes demonstrations gets its default demo set when the caller chose none.
    if (config.demoSetId == 0) {
        if (auto method = method::parseMethod(config.methodText, "method " + config.methodId)) {
            auto demoSet = resolveDemoSet(d->store, *method);
            if (!demoSet)
                return demoSet.error();
            config.demoSetId = *demoSet;
        }
    }

    // Refuse a method or demo set the program cannot use before anything is written for the run.
    store::RunRecord probe;
    if (config.demoSetId > 0)
        probe.demoSetId = config.demoSetId;
    if (auto program = d->programFor(probe, config); !program)
        return program.error();

    store::MethodRecord method;
    method.name = config.methodId;
    method.definitionJson = config.methodText;
    method.sha256 = config.methodHash;
    auto methodId = d->store.saveMethod(method);
    if (!methodId)
        return methodId.error();

    nlohmann::json params = config.toJson()["sampling"];
    params["limit"] = config.limit;
    params["cache"] = config.useCache;
    params["theta"] = config.theta;
    params["encoder"] = config.encoder;

    store::NewRun run;
    run.name = config.name;
    run.datasetId = dataset->id;
    run.methodId = *methodId;
    if (config.demoSetId > 0)
        run.demoSetId = config.demoSetId;
    run.backendJson = config.backend.toJson().dump();
    run.paramsJson = params.dump();
    run.configJson = config.canonicalJson();
    return d->store.createRun(run);
}

Result<RunConfig> Runner::config(RunId runId) { return d->config(runId); }

Result<RunSummary> Runner::execute(RunId runId, const CancelToken& cancel, const ProgressObserver& progress)
{
    auto loaded = d->loadPlan(runId);
    if (!loaded)
        return loaded.error();
    RunPlan& plan = *loaded;
    const RunConfig& config = plan.config;
    const std::size_t n = plan.problemCount;

    ProgressMeter meter;
    meter.start(nowSeconds());
    Progress& counters = meter.counters();
    counters.totalProblems = n;
    const auto report = [&](bool force) {
        const double now = nowSeconds();
        if (progress && (meter.due(now, d->options.progressIntervalSeconds) || force))
            progress(meter.snapshot(now));
    };

    // What earlier sessions finished: calls with a stored response, problems with an error-free result.
    auto tally = tallyRun(d->store, runId, n);
    if (!tally)
        return tally.error();
    auto scored = scoredProblems(d->store, runId, n);
    if (!scored)
        return scored.error();
    std::vector<bool>& problemDone = *scored;

    // Planning pass: candidates and step counts of every problem, so totals and ETA are exact. Only the
    // candidate indices are kept; problems are re-read one at a time when they become active.
    std::vector<std::vector<int>> candidates(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (cancel.isCancelled())
            break;
        auto problem = d->store.loadProblem(plan.run.datasetId, std::int64_t(i));
        if (!problem)
            return problem.error();
        auto found = Impl::candidatesFor(plan, *problem);
        if (!found)
            return found.error();
        candidates[i] = std::move(*found);
        counters.totalCalls += plan.program->plan(*problem, candidates[i]).size();
        if (problemDone[i])
            ++counters.doneProblems;
    }
    counters.doneCalls = tally->doneCalls;
    counters.resumedCalls = counters.doneCalls;

    if (auto status = d->store.setRunStatus(runId, store::RunStatus::Running); !status)
        return status.error();

    llm::ClientOptions clientOptions;
    if (config.useCache) {
        auto cache = d->cacheFor();
        if (!cache)
            return cache.error();
        clientOptions.cache = *cache;
    }
    clientOptions.log = d->options.log;
    llm::BackendProfile profile = config.backend;
    llm::Client client(profile, clientOptions);

    const std::size_t concurrency = std::size_t(std::max(1, profile.concurrency));
    const std::size_t windowSize = d->options.activeProblems ? d->options.activeProblems : 2 * concurrency + 4;
    const std::size_t maxInFlight = 2 * concurrency;

    CompletionQueue queue;
    std::unordered_map<std::size_t, ActiveProblem> active;
    std::unordered_map<std::uint64_t, InFlightCall> inFlight;
    std::deque<std::pair<std::size_t, std::size_t>> ready; // (problem, step)
    std::uint64_t nextTicket = 1;
    std::size_t nextProblem = 0;
    std::optional<Error> fatal;
    std::uint64_t sessionSent = 0;
    std::size_t failuresInARow = 0;
    const std::size_t failureLimit
        = d->options.failuresInARowLimit ? d->options.failuresInARowLimit : std::max<std::size_t>(20, 3 * concurrency);
    std::optional<Error> stopError;
    double stopSeen = -1.0;
    bool aborted = false;

    const auto finish = [&](std::size_t index, ActiveProblem& item) -> Result<void> {
        auto failed = d->recordOutcome(plan, index, item);
        if (!failed)
            return failed.error();
        ++counters.doneProblems;
        if (*failed)
            ++counters.failedProblems;
        return {};
    };

    // Moves newly runnable steps to the ready queue, or finishes the problem when nothing is left to run.
    const auto advance = [&](std::size_t index) -> Result<void> {
        auto it = active.find(index);
        ActiveProblem& item = it->second;
        for (const auto step : item.dag.takeReady())
            ready.emplace_back(index, step);
        if (item.dag.complete() || item.dag.blocked()) {
            auto done = finish(index, item);
            active.erase(it);
            return done;
        }
        return {};
    };

    const auto activate = [&](std::size_t index) -> Result<void> {
        auto item = d->loadActive(plan, index, std::move(candidates[index]));
        candidates[index] = {};
        if (!item)
            return item.error();
        active.emplace(index, std::move(*item));
        return advance(index);
    };

    const auto submit = [&](std::size_t index, std::size_t step) -> Result<void> {
        ActiveProblem& item = active.at(index);
        auto request = Impl::renderRequest(plan, item, step);
        if (!request) {
            item.dag.markFailed(step);
            if (item.firstError.empty())
                item.firstError = item.dag.steps()[step] + ": " + request.error().toString();
            return advance(index);
        }
        const std::uint64_t ticket = nextTicket++;
        inFlight[ticket] = InFlightCall { index, step, llm::canonicalRequestJson(profile, *request),
            llm::cacheKey(profile, *request), request->sampleIndex };
        ++counters.inFlight;
        client.submit(std::move(*request), [&queue, ticket](Result<llm::ChatResponse> response) {
            queue.push(Completion { ticket, std::move(response) });
        });
        return {};
    };

    const auto complete = [&](Completion& completion) -> Result<void> {
        auto it = inFlight.find(completion.ticket);
        if (it == inFlight.end())
            return makeError(ErrorCode::Internal, "completion for an unknown call");
        InFlightCall call = std::move(it->second);
        inFlight.erase(it);
        --counters.inFlight;
        ActiveProblem& item = active.at(call.problemIndex);
        const std::string& name = item.dag.steps()[call.step];
        if (!completion.response && completion.response.error().code == ErrorCode::Cancelled) {
            item.dag.markPending(call.step);
            return {};
        }
        store::CallRecord record;
        record.runId = runId;
        record.problemIndex = std::int64_t(call.problemIndex);
        record.step = name;
        record.sampleIndex = call.sampleIndex;
        record.cacheKey = call.cacheKey;
        record.requestJson = std::move(call.requestJson);
        if (completion.response) {
            const llm::ChatResponse& response = *completion.response;
            record.responseJson = response.rawBody;
            record.responseText = response.text;
            record.promptTokens = response.usage.promptTokens;
            record.completionTokens = response.usage.completionTokens;
            record.latencyMs = response.latencyS * 1000.0;
            record.attempts = response.attempts;
            record.fromCache = response.fromCache;
        } else {
            record.status = store::CallStatus::Error;
            record.error = completion.response.error().toString();
        }
        // Committed before it counts: a crash after this line cannot lose the response.
        if (auto stored = d->store.recordCall(record); !stored)
            return stored.error();
        if (completion.response) {
            const llm::ChatResponse& response = *completion.response;
            ++counters.doneCalls;
            if (response.fromCache)
                ++counters.cachedCalls;
            else
                ++sessionSent;
            counters.promptTokens += std::uint64_t(std::max<std::int64_t>(0, response.usage.promptTokens));
            counters.completionTokens += std::uint64_t(std::max<std::int64_t>(0, response.usage.completionTokens));
            item.tokens += response.usage.promptTokens + response.usage.completionTokens;
            item.outputs[name] = response.text;
            item.dag.markFinished(call.step);
            failuresInARow = 0;
        } else {
            ++counters.failedCalls;
            // A backend that is down or rejects every call would otherwise turn each remaining problem into
            // a recorded error; stop instead and leave the run resumable.
            if (++failuresInARow >= failureLimit)
                stopError = makeError(completion.response.error().code,
                    "stopped after " + std::to_string(failuresInARow) + " calls in a row failed; last: "
                        + completion.response.error().message + " (resume the run when the backend is back)",
                    completion.response.error().location);
            counters.lastError = record.error;
            if (item.firstError.empty())
                item.firstError = name + ": " + record.error;
            item.dag.markFailed(call.step);
            if (d->options.log)
                d->options.log("problem " + std::to_string(call.problemIndex) + " " + name + ": " + record.error);
        }
        return advance(call.problemIndex);
    };

    report(true);
    while (true) {
        if (!fatal && !cancel.isCancelled()) {
            while (active.size() < windowSize && nextProblem < n) {
                const std::size_t index = nextProblem++;
                if (problemDone[index])
                    continue;
                if (auto r = activate(index); !r) {
                    fatal = r.error();
                    break;
                }
            }
            while (!fatal && inFlight.size() < maxInFlight && !ready.empty()) {
                const auto [index, step] = ready.front();
                ready.pop_front();
                if (auto r = submit(index, step); !r)
                    fatal = r.error();
            }
        }
        if ((fatal || cancel.isCancelled()) && !aborted) {
            // Stop submitting; let calls already sent deliver for a short grace, then abort the rest.
            const double now = nowSeconds();
            if (stopSeen < 0)
                stopSeen = now;
            if (fatal || now - stopSeen >= d->options.cancelGraceSeconds) {
                client.cancelAll();
                aborted = true;
            }
        }
        if (inFlight.empty()
            && (fatal || cancel.isCancelled() || (active.empty() && nextProblem >= n && ready.empty())))
            break;
        auto completions = queue.takeAll(0.1);
        for (auto& completion : completions) {
            if (auto r = complete(completion); !r && !fatal)
                fatal = r.error();
        }
        if (stopError && !fatal)
            fatal = stopError;
        report(false);
    }
    client.waitIdle();

    const bool cancelled = cancel.isCancelled() && !fatal;
    const bool allDone = !fatal && !cancelled && counters.doneProblems == n;
    store::RunStatus status = fatal ? store::RunStatus::Failed
        : allDone                   ? store::RunStatus::Completed
        : cancelled                 ? store::RunStatus::Cancelled
                                    : store::RunStatus::Failed;
    if (auto r = d->store.setRunStatus(runId, status); !r && !fatal)
        fatal = r.error();
    counters.finished = true;
    report(true);
    if (fatal)
        return *fatal;

    RunSummary summary;
    summary.runId = runId;
    summary.status = status;
    summary.problems = n;
    summary.plannedCalls = counters.totalCalls;
    summary.doneCalls = counters.doneCalls;
    summary.sessionSent = sessionSent;
    summary.sessionCached = counters.cachedCalls;
    summary.sessionResumed = counters.resumedCalls;
    summary.promptTokens = counters.promptTokens;
    summary.completionTokens = counters.completionTokens;
    summary.elapsedSeconds = counters.elapsedSeconds;
    auto final = tallyRun(d->store, runId, n);
    if (!final)
        return final.error();
    summary.scored = final->scored;
    summary.errors = final->errors;
    summary.correct = final->correct;
    summary.accuracy.correct = summary.correct;
    summary.accuracy.total = n;
    summary.accuracy.value = n ? double(summary.correct) / double(n) : 0.0;
    summary.accuracy.ci = eval::wilsonInterval(summary.correct, n);
    return summary;
}

} // namespace wb::run
