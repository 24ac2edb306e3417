// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/method/demos.h"
#include "core/method/method.h"
#include "core/run/runconfig.h"
#include "core/run/stepprogram.h"

#include <memory>
#include <string>

namespace wb::store {
class Store;
}

namespace wb::run {

/// A method of method/ as the runner's StepProgram: plan keys, exact rendered requests, the method's extractors.
class MethodStepProgram final : public StepProgram {
public:
    /// Parses the method text stored in the run and the run's demo items (JSON array text).
    static Result<std::unique_ptr<MethodStepProgram>> create(const RunConfig& config, const std::string& demoItemsJson);

    const method::Method& method() const { return m_method; }

    bool needsCandidates() const override;
    std::vector<std::string> plan(const dataset::Problem& problem, const std::vector<int>& candidates) const override;
    Result<llm::ChatRequest> render(const std::string& step, const StepContext& context) const override;
    eval::ExtractedAnswer extract(const StepContext& context) const override;

private:
    MethodStepProgram(method::Method method, std::vector<method::DemoItem> demos);
    method::Method m_method;
    std::vector<method::DemoItem> m_demos;
};

/// A method by id among the shipped ones, or a method file path. Fills methodId, methodText (canonical JSON)
/// and methodHash of `config`.
Result<method::Method> resolveMethod(const std::string& idOrPath, RunConfig& config);

/// The demo set a run of `method` uses when the caller chose none: the newest stored set named after the
/// method's demos.set, else the shipped file of that name (stored on first use). 0 when the method takes no
/// demonstrations. An error tells how to make the missing set.
Result<std::int64_t> resolveDemoSet(store::Store& store, const method::Method& method);

} // namespace wb::run
