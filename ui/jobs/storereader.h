// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/loader.h"
#include "core/store/records.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wb::ui {

/// What the workbench shows of a results database: its datasets and runs, and the problems of one dataset.
struct StoreContents {
    std::string path;
    std::vector<wb::store::DatasetRecord> datasets;
    std::vector<wb::store::RunRecord> runs;
    wb::store::RowId shownDatasetId = 0;
    std::shared_ptr<const wb::dataset::Dataset> dataset; ///< null when the store holds no dataset
    bool readOnly = false; ///< opened read-only: this process may not write the file or its folder
};

/// Opens the store at `path` (read-only when it is not writable; on the calling thread: run it in the
/// background) and loads the problems of
/// `datasetId`, or of the most recently imported dataset when none is given.
wb::Result<StoreContents> readStore(const std::string& path, std::optional<wb::store::RowId> datasetId = std::nullopt);

} // namespace wb::ui
