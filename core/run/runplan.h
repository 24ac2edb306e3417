// SPDX-License-Identifier: Apache-2.0
// Internal to core/run: the pieces execute(), batch export and batch import share.
#pragma once

#include "core/run/calldag.h"
#include "core/run/runner.h"
#include "core/store/records.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wb::run {

/// A run ready to be worked on: its record and configuration, its program and encoder, how many problems.
struct RunPlan {
    store::RunRecord run;
    RunConfig config;
    std::unique_ptr<StepProgram> program;
    std::unique_ptr<relevance::Encoder> encoder;
    std::size_t problemCount = 0;
};

/// One problem being worked on: its plan, the outputs of its finished steps and what it has cost so far.
struct ActiveProblem {
    dataset::Problem problem;
    std::vector<int> candidates;
    CallDag dag { {} };
    std::map<std::string, std::string> outputs;
    std::int64_t tokens = 0;
    std::string firstError; ///< the first failed call (transport, HTTP, malformed reply): the problem errs
    std::string firstNoAnswer; ///< the first empty or filtered reply: the problem has no answer
    std::vector<std::string> notes; ///< truncated replies whose text was used
};

struct Runner::Impl {
    store::Store& store;
    RunnerOptions options;

    Result<std::shared_ptr<llm::ResponseCache>> cacheFor();
    Result<std::unique_ptr<StepProgram>> programFor(const store::RunRecord& run, const RunConfig& config);
    Result<RunConfig> config(RunId runId);
    Result<RunPlan> loadPlan(RunId runId);

    /// Irrelevant-condition candidates of a problem (empty when the method does not use them).
    static Result<std::vector<int>> candidatesFor(RunPlan& plan, const dataset::Problem& problem);
    /// Loads problem `index`, plans it and marks the steps whose responses are already stored as finished.
    /// `candidates` may be given when known; otherwise they are computed.
    Result<ActiveProblem> loadActive(RunPlan& plan, std::size_t index, std::optional<std::vector<int>> candidates);
    /// The exact request of one step, with the run's sampling overrides applied.
    static Result<llm::ChatRequest> renderRequest(const RunPlan& plan, const ActiveProblem& item, std::size_t step);
    /// Scores a finished problem (or records why it has no answer or an error) and stores the result.
    /// Returns the problem's status.
    Result<store::ProblemStatus> recordOutcome(const RunPlan& plan, std::size_t index, const ActiveProblem& item);
};

} // namespace wb::run
