// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/loader.h"
#include "core/store/records.h"

#include <cstdint>
#include <map>
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

/// The runs of the dataset whose content hash is `datasetHash` in the store at `path`, newest first (on the calling
/// thread). Empty when that dataset is not stored there.
wb::Result<std::vector<wb::store::RunRecord>> readRunsOfDataset(
    const std::string& path, const std::string& datasetHash);

using ResultsByIndex = std::map<std::int64_t, wb::store::ResultRecord>;

/// Which problem of which run to read: the shown problem, named by the dataset's content hash, its index and id.
struct EvidenceRequest {
    std::string path;
    std::string datasetHash;
    wb::store::RowId runId = 0;
    std::int64_t problemIndex = 0;
    std::string problemId;
    std::shared_ptr<const ResultsByIndex> cachedResults; ///< the run's results read before, or null
};

/// What a stored run holds for the shown problem. Calls and result are read only when the problem stored at that
/// index carries the shown problem's id: anything else would be another problem's evidence.
struct ProblemEvidence {
    bool matches = false;
    std::optional<std::string> storedId; ///< id of the stored problem at the index; nullopt when there is none
    std::vector<wb::store::CallRecord> calls; ///< in the order the method runs its steps
    std::optional<wb::store::ResultRecord> result;
    std::shared_ptr<const ResultsByIndex> results; ///< every result of the run, for the next problem's read
};

/// Reads the evidence of `request` (on the calling thread: run it in the background).
wb::Result<ProblemEvidence> readProblemEvidence(const EvidenceRequest& request);

} // namespace wb::ui
