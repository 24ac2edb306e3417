// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/compare/comparisondata.h"

#include <cstdint>
#include <vector>

namespace wb::ui {

/// True when `problem` is wrong, has no answer or has an error in any of `runs` (ids; 0 is skipped). A problem a
/// run has no result for yet is not failing in it.
bool failsInAny(const ComparisonData& data, std::int64_t problem, const std::vector<wb::store::RowId>& runs);

/// The row of the next failing problem in `problems` after `from` (step +1) or before it (step -1), wrapping
/// around the list; `from` = -1 starts at the first (or last) row. -1 when no problem fails.
int nextFailingRow(const ComparisonData& data, const std::vector<std::int64_t>& problems, int from, int step,
    const std::vector<wb::store::RowId>& runs);

} // namespace wb::ui
