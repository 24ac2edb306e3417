// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/problem.h"

#include <string>

namespace wb::store {

/// The JSON-valued columns of a `problems` row.
struct ProblemJsonColumns {
    std::string conditions; ///< ["c1", ...]
    std::string choices; ///< ["A) ...", ...]
    std::string goldIrrelevant; ///< [0, 3]
    std::string reference; ///< {"candidates": [...], "sq": [...]}
};

ProblemJsonColumns encodeProblemColumns(const dataset::Problem& problem);

/// Fills the list fields of `problem` from stored columns. A malformed column is an InvalidInput error whose
/// location names the column.
Result<void> decodeProblemColumns(const ProblemJsonColumns& columns, dataset::Problem& problem);

/// Canonical JSON of a problem's content: every field except its position (index, sourceLine), keys sorted,
/// compact, numbers in shortest round-trip form. Equal content gives equal bytes, across datasets too.
std::string canonicalProblemJson(const dataset::Problem& problem);

/// sha256 (hex) of canonicalProblemJson(); stored as problems.content_hash.
std::string problemContentHash(const dataset::Problem& problem);

} // namespace wb::store
