// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/failingproblems.h"

namespace wb::ui {

bool failsInAny(const ComparisonData& data, std::int64_t problem, const std::vector<wb::store::RowId>& runs)
{
    for (const wb::store::RowId id : runs) {
        const RunOutcome* run = id != 0 ? data.run(id) : nullptr;
        if (!run)
            continue;
        const auto it = run->problems.find(problem);
        if (it != run->problems.end() && it->second.hasResult && it->second.status != wb::store::ProblemStatus::Correct)
            return true;
    }
    return false;
}

int nextFailingRow(const ComparisonData& data, const std::vector<std::int64_t>& problems, int from, int step,
    const std::vector<wb::store::RowId>& runs)
{
    const int count = static_cast<int>(problems.size());
    if (count == 0)
        return -1;
    step = step < 0 ? -1 : 1;
    int row = from < 0 || from >= count ? (step > 0 ? count - 1 : 0) : from;
    for (int i = 0; i < count; ++i) {
        row = (row + step + count) % count;
        if (failsInAny(data, problems[static_cast<std::size_t>(row)], runs))
            return row;
    }
    return -1;
}

} // namespace wb::ui
