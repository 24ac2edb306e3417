// SPDX-License-Identifier: Apache-2.0
#include "ui/jobs/storereader.h"

#include "core/store/datasetevidence.h"
#include "core/store/store.h"

#include <algorithm>
#include <cstdlib>

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

wb::Result<std::vector<wb::store::RunRecord>> readRunsOfDataset(const std::string& path, const std::string& datasetHash)
{
    auto store = wb::store::Store::openAsAllowed(path);
    if (!store)
        return store.error();
    return wb::store::runsOfDataset(*store, datasetHash);
}

namespace {

/// Verify calls first in condition order (verify:0, verify:1, …), then the later steps, extract last: the order
/// the method runs them, not the order their answers happened to arrive.
void sortInMethodOrder(std::vector<wb::store::CallRecord>& calls)
{
    const auto rank = [](const std::string& step) -> std::pair<int, long> {
        if (step.rfind("verify:", 0) == 0)
            return { 0, std::strtol(step.c_str() + 7, nullptr, 10) };
        return { step == "extract" ? 2 : 1, 0 };
    };
    std::stable_sort(
        calls.begin(), calls.end(), [&rank](const wb::store::CallRecord& a, const wb::store::CallRecord& b) {
            return rank(a.step) < rank(b.step);
        });
}

wb::Result<std::shared_ptr<const ResultsByIndex>> readResults(wb::store::Store& store, wb::store::RowId runId)
{
    auto results = store.loadResults(runId);
    if (!results)
        return results.error();
    auto map = std::make_shared<ResultsByIndex>();
    for (wb::store::ResultRecord& r : *results)
        map->emplace(r.problemIndex, std::move(r));
    return std::shared_ptr<const ResultsByIndex>(std::move(map));
}

} // namespace

wb::Result<ProblemEvidence> readProblemEvidence(const EvidenceRequest& request)
{
    auto store = wb::store::Store::openAsAllowed(request.path);
    if (!store)
        return store.error();
    ProblemEvidence out;
    auto storedId = wb::store::storedProblemId(*store, request.datasetHash, request.problemIndex);
    if (!storedId)
        return storedId.error();
    out.storedId = std::move(*storedId);
    out.matches = out.storedId == request.problemId;
    if (!out.matches)
        return out;
    auto calls = store->loadCalls(request.runId, request.problemIndex);
    if (!calls)
        return calls.error();
    out.calls = std::move(*calls);
    sortInMethodOrder(out.calls);
    // Results are read once per run; switching problems then reads only that problem's calls.
    out.results = request.cachedResults;
    if (!out.results) {
        auto results = readResults(*store, request.runId);
        if (!results)
            return results.error();
        out.results = std::move(*results);
    }
    if (const auto it = out.results->find(request.problemIndex); it != out.results->end())
        out.result = it->second;
    return out;
}

} // namespace wb::ui
