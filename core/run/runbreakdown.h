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

/// Accuracy of one run split by what the workbench knows about each problem. Every planned problem counts; a
/// problem without a result or with an error counts as wrong, as in the run's overall accuracy.
struct RunBreakdowns {
    std::string dataset; ///< the run's dataset name
    eval::Accuracy overall;
    std::vector<eval::GroupAccuracy> byCandidates; ///< keys "0", "1", "2", "3+" (irrelevant-condition candidates)
    std::vector<eval::GroupAccuracy>
        byGoldIrrelevant; ///< keys "gold irrelevant", "no gold irrelevant", "not annotated"
};

/// Whether each of the first `planned` problems of a run was answered correctly. A problem without a result, or
/// whose result carries an error, counts as wrong, as in the run's overall accuracy.
std::vector<bool> correctPerProblem(std::size_t planned, const std::vector<store::ResultRecord>& results);

/// Group key of a problem by its number of candidates.
std::string candidateCountKey(std::size_t candidates);

/// Reads a run's problems and results from the store and computes its breakdowns.
Result<RunBreakdowns> computeRunBreakdowns(store::Store& store, store::RowId runId);

} // namespace wb::run
