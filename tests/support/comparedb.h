// SPDX-License-Identifier: Apache-2.0
// A results database with two finished runs for the comparison tests and the Compare page's screenshots.
// Every number in it comes from the fake server, never from a model.
#pragma once

#include "core/common/result.h"
#include "core/store/records.h"

#include <string>
#include <vector>

namespace wb::test {

/// Runs `methods` (default: zero-shot-cot, then zero-shot-cot+i3c) over `datasetPath` into the store at `dbPath`
/// with the runner against an in-process fake server. The server answers a fixed, method-dependent share of
/// the problems with the gold answer (more with the I3C instruction) and words its reasoning differently per
/// method, so charts, flips and diffs have something to show. Reasoning replies carry reasoning text, and a few
/// problems of I3C runs come back empty (no answer). Runs are named "fake-server <method>".
/// Returns the run ids in creation order.
Result<std::vector<store::RowId>> makeComparisonDatabase(const std::string& dbPath, const std::string& datasetPath,
    const std::vector<std::string>& methods = { "zero-shot-cot", "zero-shot-cot+i3c" });

} // namespace wb::test
