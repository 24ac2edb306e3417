// SPDX-License-Identifier: Apache-2.0
// Internal to core/run: one session of Runner::execute().
#pragma once

#include "core/common/cancel.h"
#include "core/llm/request.h"
#include "core/run/completionqueue.h"
#include "core/run/progress.h"
#include "core/run/runlease.h"
#include "core/run/runplan.h"
#include "core/run/stoppolicy.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace wb::llm {
class Client;
}

namespace wb::run {

/// A call handed to the client; kept until its completion has been committed.
struct InFlightCall {
    std::size_t problemIndex = 0;
    std::size_t step = 0;
    llm::ChatRequest request; ///< its body is rendered at completion, with what the client learned by then
};

/// One session of Runner::execute(). It plans every problem first (exact totals and ETA), then keeps a window of
/// active problems, hands their ready steps to one llm::Client (at most twice the backend's concurrency in
/// flight) and commits every completion to the store before it counts. When to stop follows StopPolicy.
/// Single use: construct, call run() once.
class RunExecution {
public:
    RunExecution(Runner::Impl& runner, RunPlan& plan, const CancelToken& cancel, const ProgressObserver& progress);
    ~RunExecution();
    RunExecution(const RunExecution&) = delete;
    RunExecution& operator=(const RunExecution&) = delete;

    Result<RunSummary> run();

private:
    Result<void> planProblems();
    Result<void> startClient();
    void workUntilDone();
    void fillWindow();
    void submitReady();
    bool stopping() const;
    bool sessionOver() const;
    void takeCompletions();
    void keepLease();

    Result<void> activate(std::size_t index);
    Result<void> advance(std::size_t index);
    Result<void> submit(std::size_t index, std::size_t step);
    Result<void> complete(Completion& completion);
    void countResponse(const llm::ChatResponse& response, const store::CallRecord& record);
    void countFailure(const Error& error, const store::CallRecord& record);
    store::CallRecord callRecord(InFlightCall call, const ActiveProblem& item, const Completion& completion) const;
    /// Takes over the parameter rules the client learned from the server (reasoning models' 400s) into the
    /// run's configuration and stores it, so that a resume or rerun sends the same bodies from the start.
    Result<void> adoptLearnedRules();

    Result<RunSummary> conclude();
    void report(bool force);

    Runner::Impl& m_runner;
    RunPlan& m_plan;
    const CancelToken& m_cancel;
    const ProgressObserver& m_progress;
    const std::size_t m_problems;
    const std::size_t m_windowSize;
    const std::size_t m_maxInFlight;
    StopPolicy m_stop;
    ProgressMeter m_meter;

    std::vector<bool> m_problemDone; ///< problems with a result other than error (earlier sessions included)
    std::vector<std::vector<int>> m_candidates; ///< from the planning pass, until the problem becomes active
    std::unordered_map<std::size_t, ActiveProblem> m_active;
    std::unordered_map<std::uint64_t, InFlightCall> m_inFlight; ///< by ticket
    std::deque<std::pair<std::size_t, std::size_t>> m_ready; ///< (problem, step) ready to be submitted
    std::uint64_t m_nextTicket = 1;
    std::size_t m_nextProblem = 0;
    std::uint64_t m_sessionSent = 0;
    std::optional<Error> m_fatal;
    std::uint64_t m_adoptedRulesVersion = 0; ///< the client's rulesVersion() last copied into the run's configuration
    std::optional<RunLeaseHolder> m_lease; ///< held from the start of run() until this session ends

    // The client's callbacks hold the queue too, and it is declared before the client so that it also outlives
    // the client as a member: completions the client delivers while it shuts down never meet a destroyed queue.
    std::shared_ptr<CompletionQueue> m_queue;
    std::unique_ptr<llm::Client> m_client;
};

} // namespace wb::run
