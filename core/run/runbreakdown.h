// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/eval/statistics.h"
#include "core/store/records.h"

#include <string>
#include <vector>

namespace wb::store {
class Store;
}

namespace wb::run {

/// Accuracy of one run split by what the workbench knows about each problem. Accuracies are over the answered
/// problems (correct or wrong), with every planned problem in `planned`; a problem without an answer, without a
/// result or with an error never counts as wrong (docs/outcomes.md).
struct RunBreakdowns {
    std::string dataset; ///< the run's dataset name
    eval::Accuracy overall;
    std::size_t noAnswer = 0; ///< planned problems whose result says no_answer
    std::size_t errors = 0; ///< planned problems whose result says error
    std::size_t unfinished = 0; ///< planned problems without a result
    std::vector<eval::GroupAccuracy> byCandidates; ///< keys "0", "1", "2", "3+" (irrelevant-condition candidates)
    std::vector<eval::GroupAccuracy>
        byGoldIrrelevant; ///< keys "gold irrelevant", "no gold irrelevant", "not annotated"
};

/// The outcome of each of the first `planned` problems of a run: true for correct, false for wrong, nullopt for a
/// problem that was not answered (no answer, error, or no result yet).
std::vector<eval::Outcome> outcomesPerProblem(std::size_t planned, const std::vector<store::ResultRecord>& results);

/// Group key of a problem by its number of candidates.
std::string candidateCountKey(std::size_t candidates);

/// Reads a run's problems and results from the store and computes its breakdowns.
Result<RunBreakdowns> computeRunBreakdowns(store::Store& store, store::RowId runId);

} // namespace wb::run
