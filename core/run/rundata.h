// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/problem.h"
#include "core/run/runconfig.h"
#include "core/store/records.h"

#include <vector>

namespace wb::store {
class Store;
}

namespace wb::run {

/// What a run's figures are computed from: the run, its configuration, its dataset, the problems it planned and
/// its results, read from the store in one go.
struct RunData {
    store::RunRecord record;
    RunConfig config;
    store::DatasetRecord dataset;
    std::vector<dataset::Problem> problems; ///< the planned problems only, by index
    std::vector<store::ResultRecord> results;
};

/// Fails with the store's error (NotFound for an unknown run), and with Database when the dataset holds fewer
/// problems than the run plans.
Result<RunData> loadRunData(store::Store& store, store::RowId runId);

} // namespace wb::run
