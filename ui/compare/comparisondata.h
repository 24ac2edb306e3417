// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/problem.h"
#include "core/eval/statistics.h"
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

/// One problem's outcome in one run. Only a correct or wrong answer counts in accuracy; a problem without an
/// answer, with an error or without a result is left out of it (run::outcomesPerProblem, as in `i3c compare`).
struct ProblemOutcome {
    bool correct = false; ///< answered correctly
    bool hasResult = false;
    wb::store::ProblemStatus status = wb::store::ProblemStatus::Error; ///< meaningful when hasResult
    std::string answer; ///< extracted answer ("" when none)
    std::string error;
    std::string reason; ///< why the status is what it is (no answer, error, truncated reply)
    int candidates = -1; ///< candidates the run chose for this problem (-1 = not recorded)

    bool answered() const
    {
        return hasResult && (status == wb::store::ProblemStatus::Correct || status == wb::store::ProblemStatus::Wrong);
    }
    /// true / false for an answered problem, nullopt otherwise.
    wb::eval::Outcome outcome() const { return answered() ? wb::eval::Outcome(correct) : std::nullopt; }
};

/// A run of the open database with its configuration and per-problem outcomes over its planned problems.
struct RunOutcome {
    wb::store::RunRecord record;
    wb::run::RunConfig config;
    std::string datasetName;
    std::string datasetHash;
    std::map<std::int64_t, ProblemOutcome> problems; ///< by problem index, planned problems only
    wb::run::RunProblems scored; ///< the answered problems by identity, for paired comparisons

    /// Accuracy over the answered problems, with every planned problem counted in `planned`.
    wb::eval::Accuracy accuracy() const;
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
    std::string thinking; ///< the reasoning text the server returned beside it (reasoning_content etc.)
    std::string status; ///< the call's status name ("done", "empty", ...)
    std::string statusReason; ///< why the status is not done
};
wb::Result<ReasoningPath> loadReasoning(const std::string& path, wb::store::RowId runId, std::int64_t problemIndex);

/// The label a run is shown under: its method id, plus the model when `withModel`.
std::string runLabel(const RunOutcome& run, bool withModel = false);

} // namespace wb::ui
