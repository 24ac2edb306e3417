// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/problem.h"
#include "core/run/pairedcomparison.h"
#include "core/run/runconfig.h"
#include "core/store/records.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wb::ui {

/// One problem's outcome in one run. A problem without a result, or with an error, counts as incorrect
/// (run::correctPerProblem, as in `i3c compare`).
struct ProblemOutcome {
    bool correct = false;
    bool hasResult = false;
    std::string answer; ///< extracted answer ("" when none)
    std::string error;
    int candidates = -1; ///< candidates the run chose for this problem (-1 = not recorded)
};

/// A run of the open database with its configuration and per-problem outcomes over its planned problems.
struct RunOutcome {
    wb::store::RunRecord record;
    wb::run::RunConfig config;
    std::string datasetName;
    std::string datasetHash;
    std::map<std::int64_t, ProblemOutcome> problems; ///< by problem index, planned problems only
    wb::run::RunProblems scored; ///< the planned problems by identity, for paired comparisons
};

/// Everything the Compare page shows of a results database, read once in the background.
struct ComparisonData {
    std::string path;
    std::vector<RunOutcome> runs; ///< newest first, like Store::listRuns()
    std::map<wb::store::RowId, std::vector<wb::dataset::Problem>> problems; ///< by dataset id

    const RunOutcome* run(wb::store::RowId id) const;
    const wb::dataset::Problem* problem(wb::store::RowId datasetId, std::int64_t index) const;
};

/// Opens the store at `path` (on the calling thread: run it in the background) and reads every run's
/// configuration and results plus the problems of the datasets the runs cover.
wb::Result<ComparisonData> loadComparison(const std::string& path);

/// Reason-step text of one problem in one run, from the stored calls.
struct ReasoningPath {
    std::string reasoning; ///< the "reason" step's response text (or the last non-verify step's when there is none)
    std::string step; ///< which step the text came from
};
wb::Result<ReasoningPath> loadReasoning(const std::string& path, wb::store::RowId runId, std::int64_t problemIndex);

/// The label a run is shown under: its method id, plus the model when `withModel`.
std::string runLabel(const RunOutcome& run, bool withModel = false);

} // namespace wb::ui
