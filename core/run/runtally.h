// SPDX-License-Identifier: Apache-2.0
// Internal to core/run: counts over a run's stored calls and results, computed in SQLite so that memory does
// not grow with the number of problems.
#pragma once

#include "core/common/result.h"
#include "core/store/records.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wb::store {
class Store;
}

namespace wb::run {

struct RunTally {
    std::uint64_t doneCalls = 0; ///< calls with a stored response
    std::size_t results = 0;
    std::size_t scored = 0; ///< results without an error
    std::size_t errors = 0; ///< results with an error
    std::size_t correct = 0;
};

/// Counts over the first `problems` problems of run `runId`.
Result<RunTally> tallyRun(store::Store& store, store::RowId runId, std::size_t problems);

/// One flag per problem (first `problems`): true when it has a result without an error.
Result<std::vector<bool>> scoredProblems(store::Store& store, store::RowId runId, std::size_t problems);

} // namespace wb::run
