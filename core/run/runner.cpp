// SPDX-License-Identifier: Apache-2.0
#include "core/run/runner.h"

#include "core/common/sha256.h"
#include "core/dataset/loader.h"
#include "core/method/methodjson.h"
#include "core/run/methodprogram.h"
#include "core/run/runexecution.h"
#include "core/run/runplan.h"
#include "core/store/store.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace wb::run {

Runner::Runner(store::Store& store, RunnerOptions options)
    : d(new Impl { store, std::move(options) })
{
}

Runner::~Runner() = default;

Result<RunId> Runner::create(RunConfig config)
{
    config.programVersion = WB_VERSION;
    if (config.methodHash.empty())
        config.methodHash = Sha256::hex(config.methodText);
    if (auto valid = config.validate(); !valid)
        return valid.error();
    if (!config.datasetPath.empty()) {
        std::error_code ec;
        const auto absolute = std::filesystem::absolute(config.datasetPath, ec);
        if (!ec)
            config.datasetPath = absolute.lexically_normal().string();
    }

    // The dataset: reuse the stored copy with this content hash, else import the file.
    std::optional<store::DatasetRecord> dataset;
    if (!config.datasetHash.empty()) {
        auto found = d->store.findDatasetByHash(config.datasetHash);
        if (!found)
            return found.error();
        dataset = *found;
    }
    if (!dataset) {
        dataset::LoadOptions load;
        if (!config.datasetFormat.empty() && config.datasetFormat != "auto") {
            const auto format = dataset::formatFromName(config.datasetFormat);
            if (!format)
                return makeError(
                    ErrorCode::Usage, "unknown dataset format '" + config.datasetFormat + "'", "config.dataset.format");
            load.format = *format;
        }
        const std::string path = config.datasetPath;
        auto imported = d->store.importDatasetStreaming(
            [&](const dataset::ProblemSink& sink) { return dataset::streamDataset(path, load, sink); });
        if (!imported)
            return imported.error();
        auto record = d->store.dataset(imported->datasetId);
        if (!record)
            return record.error();
        if (!config.datasetHash.empty() && record->contentHash != config.datasetHash)
            return makeError(ErrorCode::InvalidInput,
                "the file's content hash " + record->contentHash + " differs from the expected " + config.datasetHash,
                config.datasetPath);
        dataset = *record;
    }
    config.datasetHash = dataset->contentHash;
    if (config.datasetFormat.empty() || config.datasetFormat == "auto")
        config.datasetFormat = dataset->format;
    if (dataset->problemCount == 0)
        return makeError(ErrorCode::InvalidInput, "the dataset has no problems", config.datasetPath);

    // A method of method/ that takes demonstrations gets its default demo set when the caller chose none.
    if (config.demoSetId == 0) {
        if (auto method = method::parseMethod(config.methodText, "method " + config.methodId)) {
            auto demoSet = resolveDemoSet(d->store, *method);
            if (!demoSet)
                return demoSet.error();
            config.demoSetId = *demoSet;
        }
    }

    // Refuse a method or demo set the program cannot use before anything is written for the run.
    store::RunRecord probe;
    if (config.demoSetId > 0)
        probe.demoSetId = config.demoSetId;
    if (auto program = d->programFor(probe, config); !program)
        return program.error();

    store::MethodRecord method;
    method.name = config.methodId;
    method.definitionJson = config.methodText;
    method.sha256 = config.methodHash;
    auto methodId = d->store.saveMethod(method);
    if (!methodId)
        return methodId.error();

    nlohmann::json params = config.toJson()["sampling"];
    params["limit"] = config.limit;
    params["cache"] = config.useCache;
    params["theta"] = config.theta;
    params["encoder"] = config.encoder;

    store::NewRun run;
    run.name = config.name;
    run.datasetId = dataset->id;
    run.methodId = *methodId;
    if (config.demoSetId > 0)
        run.demoSetId = config.demoSetId;
    run.backendJson = config.backend.toJson().dump();
    run.paramsJson = params.dump();
    run.configJson = config.canonicalJson();
    return d->store.createRun(run);
}

Result<RunConfig> Runner::config(RunId runId) { return d->config(runId); }

Result<RunSummary> Runner::execute(RunId runId, const CancelToken& cancel, const ProgressObserver& progress)
{
    auto plan = d->loadPlan(runId);
    if (!plan)
        return plan.error();
    RunExecution execution(*d, *plan, cancel, progress);
    return execution.run();
}

} // namespace wb::run
