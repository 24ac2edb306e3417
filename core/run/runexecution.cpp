// SPDX-License-Identifier: Apache-2.0
#include "core/run/runexecution.h"

#include "core/eval/statistics.h"
#include "core/llm/canonical.h"
#include "core/llm/client.h"
#include "core/run/replyoutcome.h"
#include "core/run/runtally.h"
#include "core/store/store.h"

#include <algorithm>
#include <chrono>

namespace wb::run {
namespace {

double nowSeconds()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::size_t concurrencyOf(const RunPlan& plan) { return std::size_t(std::max(1, plan.config.backend.concurrency)); }

/// Every waiting round ends after this long even without a completion, so that a cancel or the end of the
/// grace is noticed.
constexpr double kWaitSeconds = 0.1;

} // namespace

RunExecution::RunExecution(
    Runner::Impl& runner, RunPlan& plan, const CancelToken& cancel, const ProgressObserver& progress)
    : m_runner(runner)
    , m_plan(plan)
    , m_cancel(cancel)
    , m_progress(progress)
    , m_problems(plan.problemCount)
    , m_windowSize(runner.options.activeProblems ? runner.options.activeProblems : 2 * concurrencyOf(plan) + 4)
    , m_maxInFlight(2 * concurrencyOf(plan))
    , m_stop(runner.options.cancelGraceSeconds,
          StopPolicy::failureLimitFor(runner.options.failuresInARowLimit, concurrencyOf(plan)))
    , m_queue(std::make_shared<CompletionQueue>())
{
}

RunExecution::~RunExecution() = default;

Result<RunSummary> RunExecution::run()
{
    // Before anything is read or written: a second executor of the same run would send every call again.
    auto lease = RunLeaseHolder::acquire(m_runner.store, m_plan.run.id);
    if (!lease)
        return lease.error();
    m_lease.emplace(std::move(*lease));
    m_meter.start(nowSeconds());
    m_meter.counters().totalProblems = m_problems;
    if (auto planned = planProblems(); !planned)
        return planned.error();
    if (auto status = m_runner.store.setRunStatus(m_plan.run.id, store::RunStatus::Running); !status)
        return status.error();
    if (auto started = startClient(); !started)
        return started.error();
    workUntilDone();
    m_client->waitIdle();
    return conclude();
}

/// What earlier sessions finished (calls with a stored response, problems with an error-free result), and the
/// candidates and step count of every problem. Only the candidate indices are kept; problems are re-read one at a
/// time when they become active.
Result<void> RunExecution::planProblems()
{
    Progress& counters = m_meter.counters();
    auto tally = tallyRun(m_runner.store, m_plan.run.id, m_problems);
    if (!tally)
        return tally.error();
    auto scored = scoredProblems(m_runner.store, m_plan.run.id, m_problems);
    if (!scored)
        return scored.error();
    m_problemDone = std::move(*scored);
    m_candidates.resize(m_problems);
    for (std::size_t i = 0; i < m_problems; ++i) {
        if (m_cancel.isCancelled())
            break;
        if (auto beat = m_lease->heartbeat(); !beat)
            return beat.error();
        auto problem = m_runner.store.loadProblem(m_plan.run.datasetId, std::int64_t(i));
        if (!problem)
            return problem.error();
        auto found = Runner::Impl::candidatesFor(m_plan, *problem);
        if (!found)
            return found.error();
        m_candidates[i] = std::move(*found);
        counters.totalCalls += m_plan.program->plan(*problem, m_candidates[i]).size();
        if (m_problemDone[i])
            ++counters.doneProblems;
    }
    counters.doneCalls = tally->doneCalls;
    counters.resumedCalls = counters.doneCalls;
    return {};
}

Result<void> RunExecution::startClient()
{
    llm::ClientOptions options;
    if (m_plan.config.useCache) {
        auto cache = m_runner.cacheFor();
        if (!cache)
            return cache.error();
        options.cache = *cache;
    }
    options.log = m_runner.options.log;
    options.apiKey
        = m_runner.options.apiKey ? m_runner.options.apiKey : llm::environmentKey(m_plan.config.backend.apiKeyEnv);
    m_client = std::make_unique<llm::Client>(m_plan.config.backend, options);
    return {};
}

void RunExecution::workUntilDone()
{
    report(true);
    while (true) {
        if (!stopping()) {
            fillWindow();
            submitReady();
        }
        // Stopping: nothing new is submitted; calls already sent deliver during the grace, then the rest is aborted.
        if (m_stop.abortDue(m_fatal.has_value(), m_cancel.isCancelled(), nowSeconds()))
            m_client->cancelAll();
        if (sessionOver())
            break;
        takeCompletions();
        keepLease();
        if (m_stop.failureStop() && !m_fatal)
            m_fatal = m_stop.failureStop();
        report(false);
    }
}

void RunExecution::fillWindow()
{
    while (m_active.size() < m_windowSize && m_nextProblem < m_problems) {
        const std::size_t index = m_nextProblem++;
        if (m_problemDone[index])
            continue;
        if (auto activated = activate(index); !activated) {
            m_fatal = activated.error();
            return;
        }
    }
}

void RunExecution::submitReady()
{
    while (!m_fatal && m_inFlight.size() < m_maxInFlight && !m_ready.empty()) {
        const auto [index, step] = m_ready.front();
        m_ready.pop_front();
        if (auto submitted = submit(index, step); !submitted)
            m_fatal = submitted.error();
    }
}

bool RunExecution::stopping() const { return m_fatal || m_cancel.isCancelled(); }

bool RunExecution::sessionOver() const
{
    const bool allWorkedOn = m_active.empty() && m_nextProblem >= m_problems && m_ready.empty();
    return m_inFlight.empty() && (stopping() || allWorkedOn);
}

void RunExecution::takeCompletions()
{
    for (auto& completion : m_queue->takeAll(kWaitSeconds)) {
        if (auto completed = complete(completion); !completed && !m_fatal)
            m_fatal = completed.error();
    }
}

/// A lease taken over by another executor (this one was judged dead) stops the session like any fatal error.
void RunExecution::keepLease()
{
    if (auto beat = m_lease->heartbeat(); !beat && !m_fatal)
        m_fatal = beat.error();
}

Result<void> RunExecution::activate(std::size_t index)
{
    auto item = m_runner.loadActive(m_plan, index, std::move(m_candidates[index]));
    m_candidates[index] = {};
    if (!item)
        return item.error();
    m_active.emplace(index, std::move(*item));
    return advance(index);
}

/// Moves newly runnable steps to the ready queue, or records the problem's outcome when nothing is left to run.
Result<void> RunExecution::advance(std::size_t index)
{
    const auto it = m_active.find(index);
    ActiveProblem& item = it->second;
    for (const auto step : item.dag.takeReady())
        m_ready.emplace_back(index, step);
    if (!item.dag.complete() && !item.dag.blocked())
        return {};
    auto status = m_runner.recordOutcome(m_plan, index, item);
    m_active.erase(it);
    if (!status)
        return status.error();
    Progress& counters = m_meter.counters();
    ++counters.doneProblems;
    if (*status == store::ProblemStatus::Error)
        ++counters.failedProblems;
    else if (*status == store::ProblemStatus::NoAnswer)
        ++counters.unansweredProblems;
    return {};
}

Result<void> RunExecution::submit(std::size_t index, std::size_t step)
{
    ActiveProblem& item = m_active.at(index);
    auto request = Runner::Impl::renderRequest(m_plan, item, step);
    if (!request) {
        item.dag.markFailed(step);
        if (item.firstError.empty())
            item.firstError = item.dag.steps()[step] + ": " + request.error().toString();
        return advance(index);
    }
    const std::uint64_t ticket = m_nextTicket++;
    m_inFlight[ticket] = InFlightCall { index, step, *request };
    ++m_meter.counters().inFlight;
    m_client->submit(std::move(*request), [queue = m_queue, ticket](Result<llm::ChatResponse> response) {
        queue->push(Completion { ticket, std::move(response) });
    });
    return {};
}

Result<void> RunExecution::complete(Completion& completion)
{
    const auto it = m_inFlight.find(completion.ticket);
    if (it == m_inFlight.end())
        return makeError(ErrorCode::Internal, "completion for an unknown call");
    InFlightCall call = std::move(it->second);
    m_inFlight.erase(it);
    --m_meter.counters().inFlight;
    ActiveProblem& item = m_active.at(call.problemIndex);
    const std::size_t problemIndex = call.problemIndex;
    const std::size_t step = call.step;
    if (!completion.response && completion.response.error().code == ErrorCode::Cancelled) {
        item.dag.markPending(step); // aborted, not failed: a later session sends it again
        return {};
    }
    if (auto adopted = adoptLearnedRules(); !adopted)
        return adopted.error();
    const store::CallRecord record = callRecord(std::move(call), item, completion);
    // Committed before it counts: a crash after this line cannot lose the response.
    if (auto stored = m_runner.store.recordCall(record); !stored)
        return stored.error();
    if (completion.response)
        countResponse(*completion.response, record);
    else
        countFailure(completion.response.error(), record);
    applyCall(item, step, record);
    return advance(problemIndex);
}

store::CallRecord RunExecution::callRecord(
    InFlightCall call, const ActiveProblem& item, const Completion& completion) const
{
    store::CallRecord record;
    record.runId = m_plan.run.id;
    record.problemIndex = std::int64_t(call.problemIndex);
    record.step = item.dag.steps()[call.step];
    record.sampleIndex = call.request.sampleIndex;
    record.cacheKey = llm::cacheKey(m_plan.config.backend, call.request);
    record.requestJson = llm::canonicalRequestJson(m_plan.config.backend, call.request);
    if (!completion.response) {
        record.status = store::CallStatus::Error;
        record.error = completion.response.error().toString();
        return record;
    }
    const llm::ChatResponse& response = *completion.response;
    fillReply(record, response);
    record.latencyMs = response.latencyS * 1000.0;
    record.attempts = response.attempts;
    record.fromCache = response.fromCache;
    return record;
}

Result<void> RunExecution::adoptLearnedRules()
{
    const std::uint64_t version = m_client->rulesVersion();
    if (version == m_adoptedRulesVersion)
        return {};
    m_adoptedRulesVersion = version;
    const llm::BackendProfile learned = m_client->adaptedProfile();
    llm::BackendProfile& backend = m_plan.config.backend;
    if (learned.maxCompletionTokens == backend.maxCompletionTokens && learned.omitParams == backend.omitParams)
        return {};
    backend.maxCompletionTokens = learned.maxCompletionTokens;
    backend.omitParams = learned.omitParams;
    return m_runner.store.setRunConfig(m_plan.run.id, m_plan.config.canonicalJson());
}

void RunExecution::countResponse(const llm::ChatResponse& response, const store::CallRecord& record)
{
    Progress& counters = m_meter.counters();
    if (response.fromCache)
        ++counters.cachedCalls;
    else
        ++m_sessionSent;
    counters.promptTokens += std::uint64_t(std::max<std::int64_t>(0, response.usage.promptTokens));
    counters.completionTokens += std::uint64_t(std::max<std::int64_t>(0, response.usage.completionTokens));
    // A malformed reply is a failed call; an empty or filtered one is a reply, just not an answer.
    if (store::callFailed(record.status)) {
        countFailure(makeError(ErrorCode::InvalidInput, record.error, m_plan.config.backend.baseUrl), record);
        return;
    }
    ++counters.doneCalls;
    m_stop.onCallSucceeded();
}

void RunExecution::countFailure(const Error& error, const store::CallRecord& record)
{
    ++m_meter.counters().failedCalls;
    m_stop.onCallFailed(error);
    m_meter.counters().lastError = record.error;
    if (m_runner.options.log)
        m_runner.options.log(
            "problem " + std::to_string(record.problemIndex) + " " + record.step + ": " + record.error);
}

Result<RunSummary> RunExecution::conclude()
{
    Progress& counters = m_meter.counters();
    const bool cancelled = m_cancel.isCancelled() && !m_fatal;
    const bool allDone = !m_fatal && !cancelled && counters.doneProblems == m_problems;
    const store::RunStatus status = m_fatal ? store::RunStatus::Failed
        : allDone                           ? store::RunStatus::Completed
        : cancelled                         ? store::RunStatus::Cancelled
                                            : store::RunStatus::Failed;
    if (auto stored = m_runner.store.setRunStatus(m_plan.run.id, status); !stored && !m_fatal)
        m_fatal = stored.error();
    counters.finished = true;
    report(true);
    if (m_fatal)
        return *m_fatal;

    RunSummary summary;
    summary.runId = m_plan.run.id;
    summary.status = status;
    summary.problems = m_problems;
    summary.plannedCalls = counters.totalCalls;
    summary.doneCalls = counters.doneCalls;
    summary.sessionSent = m_sessionSent;
    summary.sessionCached = counters.cachedCalls;
    summary.sessionResumed = counters.resumedCalls;
    summary.promptTokens = counters.promptTokens;
    summary.completionTokens = counters.completionTokens;
    summary.elapsedSeconds = counters.elapsedSeconds;
    auto final = tallyRun(m_runner.store, m_plan.run.id, m_problems);
    if (!final)
        return final.error();
    summary.scored = final->scored;
    summary.errors = final->errors;
    summary.noAnswer = final->noAnswer;
    summary.correct = final->correct;
    summary.wrong = final->wrong;
    summary.accuracy = eval::accuracyOf(summary.correct, summary.correct + summary.wrong, m_problems);
    return summary;
}

void RunExecution::report(bool force)
{
    const double now = nowSeconds();
    if (m_progress && (m_meter.due(now, m_runner.options.progressIntervalSeconds) || force))
        m_progress(m_meter.snapshot(now));
}

} // namespace wb::run
