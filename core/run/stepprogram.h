// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/problem.h"
#include "core/eval/extractors.h"
#include "core/llm/request.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace wb::run {

struct RunConfig;

/// What a step sees when its request is rendered: the problem, its candidates and the outputs of the steps
/// that finished before it (by step name).
struct StepContext {
    const dataset::Problem& problem;
    const std::vector<int>& candidates;
    const std::map<std::string, std::string>& outputs;
};

/// The runner's view of a method: which calls a problem needs and the exact request of each. The default
/// implementation wraps method/; tests may supply their own.
class StepProgram {
public:
    virtual ~StepProgram() = default;
    /// True when plan() uses irrelevant-condition candidates (relevance analysis is skipped otherwise).
    virtual bool needsCandidates() const = 0;
    /// Step names in plan order, e.g. {"verify:0", "verify:2", "reason", "extract"} (see CallDag).
    virtual std::vector<std::string> plan(
        const dataset::Problem& problem, const std::vector<int>& candidates) const = 0;
    /// The exact request of `step`; every step it depends on has its output in context.outputs.
    virtual Result<llm::ChatRequest> render(const std::string& step, const StepContext& context) const = 0;
    /// The answer read from the finished steps' outputs.
    virtual eval::ExtractedAnswer extract(const StepContext& context) const = 0;
};

/// Builds the program for a run from its stored configuration (method text) and the items of its demo set
/// (JSON array text, "[]" when the run has none). The default factory wraps method/.
using StepProgramFactory
    = std::function<Result<std::unique_ptr<StepProgram>>(const RunConfig& config, const std::string& demoItemsJson)>;

} // namespace wb::run
