// SPDX-License-Identifier: Apache-2.0
#include "ui/jobs/storereader.h"

#include "core/store/store.h"

#include <algorithm>

namespace wb::ui {

wb::Result<StoreContents> readStore(const std::string& path, std::optional<wb::store::RowId> datasetId)
{
    auto store = wb::store::Store::openAsAllowed(path);
    if (!store)
        return store.error();
    auto datasets = store->listDatasets();
    if (!datasets)
        return datasets.error();
    auto runs = store->listRuns();
    if (!runs)
        return runs.error();

    StoreContents contents;
    contents.path = path;
    contents.readOnly = store->isReadOnly();
    contents.datasets = std::move(datasets.value());
    contents.runs = std::move(runs.value());
    if (contents.datasets.empty())
        return contents;

    // listDatasets() is oldest first: the newest import is the one the user most likely wants to see.
    const auto chosen = datasetId ? std::find_if(contents.datasets.begin(), contents.datasets.end(),
                            [&](const wb::store::DatasetRecord& d) { return d.id == *datasetId; })
                                  : std::prev(contents.datasets.end());
    if (chosen == contents.datasets.end())
        return wb::makeError(wb::ErrorCode::NotFound, "no dataset with id " + std::to_string(*datasetId), path);
    auto problems = store->loadProblems(chosen->id);
    if (!problems)
        return problems.error();

    auto dataset = std::make_shared<wb::dataset::Dataset>();
    dataset->info.path = chosen->path;
    dataset->info.name = chosen->name;
    dataset->info.format = wb::dataset::formatFromName(chosen->format).value_or(wb::dataset::Format::Auto);
    dataset->info.contentHash = chosen->contentHash;
    dataset->info.problemCount = chosen->problemCount;
    dataset->info.skippedRecords = chosen->skippedRecords;
    dataset->problems = std::move(problems.value());
    contents.shownDatasetId = chosen->id;
    contents.dataset = std::move(dataset);
    return contents;
}

} // namespace wb::ui
