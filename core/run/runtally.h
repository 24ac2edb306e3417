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
    std::uint64_t doneCalls = 0; ///< calls with a stored reply (any status but error and malformed)
    std::size_t results = 0;
    std::size_t scored = 0; ///< results other than error: the problems resume leaves alone
    std::size_t errors = 0; ///< results with status error
    std::size_t noAnswer = 0;
    std::size_t correct = 0;
    std::size_t wrong = 0;
};

/// Counts over the first `problems` problems of run `runId`.
Result<RunTally> tallyRun(store::Store& store, store::RowId runId, std::size_t problems);

/// One flag per problem (first `problems`): true when it has a result other than error.
Result<std::vector<bool>> scoredProblems(store::Store& store, store::RowId runId, std::size_t problems);

} // namespace wb::run
