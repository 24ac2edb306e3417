// SPDX-License-Identifier: Apache-2.0
#include "core/store/datasetevidence.h"

#include "core/store/rows.h"
#include "core/store/statement.h"
#include "core/store/store.h"

#include <vector>

namespace wb::store {

Result<std::vector<RunRecord>> runsOfDataset(Store& store, const std::string& contentHash)
{
    auto dataset = store.findDatasetByHash(contentHash);
    if (!dataset)
        return dataset.error();
    if (!dataset->has_value())
        return std::vector<RunRecord>();
    auto runs = store.listRuns();
    if (!runs)
        return runs.error();
    const RowId datasetId = (*dataset)->id;
    std::erase_if(*runs, [datasetId](const RunRecord& run) { return run.datasetId != datasetId; });
    return std::move(*runs);
}

Result<std::optional<std::string>> storedProblemId(Store& store, const std::string& contentHash, std::int64_t index)
{
    auto stmt = store.database().prepare("SELECT p.source_id FROM problems p JOIN datasets d ON d.id = p.dataset_id"
                                         " WHERE d.content_hash = ?1 AND p.idx = ?2");
    if (!stmt)
        return stmt.error();
    for (auto r : { stmt->bindText(1, contentHash), stmt->bindInt64(2, index) }) {
        if (!r)
            return r.error();
    }
    return nextRow<std::string>(*stmt, [](const Statement& row) { return row.columnText(0); });
}

} // namespace wb::store
