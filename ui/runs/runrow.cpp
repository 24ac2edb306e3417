// SPDX-License-Identifier: Apache-2.0
#include "ui/runs/runrow.h"

#include "core/run/runconfig.h"
#include "core/store/store.h"

#include <map>

namespace wb::ui {

wb::Result<std::vector<RunRow>> readRunRows(wb::store::Store& store)
{
    auto runs = store.listRuns();
    if (!runs)
        return runs.error();
    std::map<wb::store::RowId, wb::store::DatasetRecord> datasets;
    if (auto list = store.listDatasets())
        for (wb::store::DatasetRecord& record : *list)
            datasets.emplace(record.id, std::move(record));

    std::vector<RunRow> rows;
    rows.reserve(runs->size());
    for (wb::store::RunRecord& record : *runs) {
        RunRow row;
        const auto dataset = datasets.find(record.datasetId);
        const std::size_t datasetProblems = dataset == datasets.end() ? 0 : dataset->second.problemCount;
        if (dataset != datasets.end())
            row.datasetName = dataset->second.name;
        row.problems = datasetProblems;
        if (auto config = wb::run::RunConfig::fromJsonText(record.configJson)) {
            row.methodId = config->methodId;
            row.model = config->backend.model;
            row.keyVariable = config->backend.apiKeyEnv;
            row.problems = config->problemCount(datasetProblems);
        }
        row.record = std::move(record);
        rows.push_back(std::move(row));
    }
    return rows;
}

wb::Result<std::vector<RunRow>> readRunRows(const std::string& path)
{
    auto store = wb::store::Store::openAsAllowed(path);
    if (!store)
        return store.error();
    return readRunRows(*store);
}

} // namespace wb::ui
