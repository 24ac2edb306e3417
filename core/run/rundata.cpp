// SPDX-License-Identifier: Apache-2.0
#include "core/run/rundata.h"

#include "core/store/store.h"

namespace wb::run {

Result<RunData> loadRunData(store::Store& store, store::RowId runId)
{
    auto record = store.run(runId);
    if (!record)
        return record.error();
    auto config = RunConfig::fromJsonText(record->configJson);
    if (!config)
        return config.error();
    auto dataset = store.dataset(record->datasetId);
    if (!dataset)
        return dataset.error();
    const std::size_t planned = config->problemCount(dataset->problemCount);
    auto problems = store.loadProblems(record->datasetId, 0, static_cast<std::int64_t>(planned));
    if (!problems)
        return problems.error();
    if (problems->size() != planned)
        return makeError(ErrorCode::Database,
            "dataset " + std::to_string(record->datasetId) + " holds " + std::to_string(problems->size())
                + " problems but run " + std::to_string(runId) + " plans " + std::to_string(planned),
            store.path());
    auto results = store.loadResults(runId);
    if (!results)
        return results.error();
    return RunData { std::move(*record), std::move(*config), std::move(*dataset), std::move(*problems),
        std::move(*results) };
}

} // namespace wb::run
