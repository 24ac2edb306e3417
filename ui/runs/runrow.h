// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/store/records.h"

#include <string>
#include <vector>

namespace wb::store {
class Store;
}

namespace wb::ui {

/// One line of the runs list: the stored run plus what its configuration and dataset say about it.
struct RunRow {
    wb::store::RunRecord record;
    std::string datasetName;
    std::string methodId;
    std::string model;
    std::string keyVariable; ///< apiKeyEnv of the run's backend (never the key)
    std::size_t problems = 0; ///< problems the run covers
    std::uint64_t plannedCalls = 0; ///< 0 until known (live progress fills it in)
};

/// Every run of `store`, newest first. A run whose configuration cannot be parsed keeps empty fields.
wb::Result<std::vector<RunRow>> readRunRows(wb::store::Store& store);
/// Opens the store at `path` (on the calling thread: run it in the background) and reads its runs.
wb::Result<std::vector<RunRow>> readRunRows(const std::string& path);

} // namespace wb::ui
