// SPDX-License-Identifier: Apache-2.0
// Shared by the runner tests: a generated dataset and a small I3C-shaped step program, so the runner's
// scheduling, storage and resume logic is tested independently of the built-in methods' prompt texts.
#pragma once

#include "core/run/runner.h"

#include <string>

namespace wb::test {

/// Writes `count` distinct GSM8K-style problems (three conditions, one irrelevant) to `path`.
bool writeArithmeticDataset(const std::string& path, int count);

/// verify:<c> for every candidate → reason → extract; answers read with the last-number extractor.
class ArithmeticProgram final : public run::StepProgram {
public:
    bool needsCandidates() const override { return true; }
    std::vector<std::string> plan(const dataset::Problem& problem, const std::vector<int>& candidates) const override;
    Result<llm::ChatRequest> render(const std::string& step, const run::StepContext& context) const override;
    eval::ExtractedAnswer extract(const run::StepContext& context) const override;
};

run::StepProgramFactory arithmeticProgramFactory();

/// A configuration for `datasetPath` against `baseUrl` with the fake server's model.
run::RunConfig arithmeticConfig(const std::string& datasetPath, const std::string& baseUrl);

} // namespace wb::test
