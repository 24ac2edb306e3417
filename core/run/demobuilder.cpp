// SPDX-License-Identifier: Apache-2.0
#include "core/run/demobuilder.h"

#include "core/dataset/loader.h"
#include "core/llm/client.h"
#include "core/method/demoselect.h"
#include "core/method/methodjson.h"
#include "core/relevance/relevance.h"
#include "core/run/defaults.h"
#include "core/run/methodprogram.h"
#include "core/store/sqliteresponsecache.h"
#include "core/store/store.h"

#include <cmath>
#include <filesystem>
#include <limits>

namespace wb::run {
namespace {

const char* builtinMethodFor(method::DemoSource source)
{
    switch (source) {
    case method::DemoSource::I3cSelect:
        return "i3c-select";
    case method::DemoSource::ComplexCot:
        return "complex-cot";
    case method::DemoSource::AutoCot:
        return "auto-cot";
    default:
        return nullptr;
    }
}

/// Runs the generator method's calls for one problem up to its reasoning step and returns that step's output.
Result<std::string> generateReasoning(llm::Client& client, RunConfig& config, const MethodStepProgram& program,
    relevance::Encoder* encoder, const dataset::Problem& problem, std::size_t& calls)
{
    std::vector<int> candidates;
    if (program.needsCandidates() && encoder && !problem.conditions.empty()) {
        auto report = relevance::analyse(*encoder, problem.conditions, problem.question, config.theta);
        if (!report)
            return report.error();
        candidates = report->candidates;
    }
    std::string reasonKey;
    for (const auto& step : program.method().steps) {
        if (step.kind == method::StepKind::Reason)
            reasonKey = step.id;
    }
    if (reasonKey.empty())
        return makeError(ErrorCode::InvalidInput, "generator method '" + program.method().id + "' has no reason step");
    std::map<std::string, std::string> outputs;
    for (const auto& key : program.plan(problem, candidates)) {
        const StepContext context { problem, candidates, outputs };
        auto request = program.render(key, context);
        if (!request)
            return request.error();
        if (config.temperature)
            request->temperature = config.temperature;
        if (config.maxTokens)
            request->maxTokens = config.maxTokens;
        request->noCache = !config.useCache;
        auto response = client.chatSync(*request);
        if (!response)
            return response.error();
        ++calls;
        outputs[key] = response->text;
        if (key == reasonKey)
            return response->text;
    }
    return makeError(ErrorCode::Internal, "the generator never reached its reason step");
}

} // namespace

Result<DemoBuildResult> buildDemoSet(store::Store& store, const DemoBuildOptions& options, const CancelToken& cancel)
{
    const char* builtinId = builtinMethodFor(options.source);
    if (!builtinId)
        return makeError(ErrorCode::Usage, "choose i3c-select, complex or auto", "--method");
    if (options.k == 0)
        return makeError(ErrorCode::Usage, "k must be at least 1", "--k");
    RunConfig config = options.backend;
    auto owner = resolveMethod(builtinId, config);
    if (!owner)
        return owner.error();

    dataset::LoadOptions load;
    load.limit = options.poolLimit;
    if (!options.poolFormat.empty() && options.poolFormat != "auto") {
        const auto format = dataset::formatFromName(options.poolFormat);
        if (!format)
            return makeError(ErrorCode::Usage, "unknown dataset format '" + options.poolFormat + "'", "--format");
        load.format = *format;
    }
    auto pool = dataset::loadDataset(options.poolPath, load);
    if (!pool)
        return pool.error();
    if (pool->problems.empty())
        return makeError(ErrorCode::InvalidInput, "the pool has no problems", options.poolPath);

    std::unique_ptr<relevance::Encoder> encoder;
    if (options.source != method::DemoSource::ComplexCot) {
        auto made = defaultEncoderFactory()(config);
        if (!made)
            return made.error();
        encoder = std::move(*made);
    }

    const std::string name = options.name.empty() ? owner->demos.set : options.name;
    std::string howMade = std::string(method::demoSourceName(options.source)) + " k=" + std::to_string(options.k)
        + " pool=" + std::filesystem::path(options.poolPath).filename().string() + " (sha256 "
        + pool->info.contentHash.substr(0, 12) + ", " + std::to_string(pool->problems.size()) + " problems)";
    std::vector<std::size_t> chosen;
    std::vector<double> scores;
    switch (options.source) {
    case method::DemoSource::ComplexCot:
        chosen = method::selectComplexCot(pool->problems, options.k);
        break;
    case method::DemoSource::I3cSelect:
        scores.reserve(pool->problems.size());
        for (const auto& problem : pool->problems) {
            if (cancel.isCancelled())
                return makeError(ErrorCode::Cancelled, "cancelled while scoring the pool");
            if (problem.conditions.empty()) {
                scores.push_back(std::numeric_limits<double>::quiet_NaN());
                continue;
            }
            auto report = relevance::analyse(*encoder, problem.conditions, problem.question, config.theta);
            if (!report)
                return report.error();
            scores.push_back(report->confusionScore);
        }
        chosen = method::selectI3cSelect(pool->problems, scores, options.k);
        howMade += " encoder=" + encoder->id();
        break;
    case method::DemoSource::AutoCot: {
        std::vector<std::vector<float>> vectors;
        vectors.reserve(pool->problems.size());
        constexpr std::size_t kBatch = 64;
        for (std::size_t i = 0; i < pool->problems.size(); i += kBatch) {
            if (cancel.isCancelled())
                return makeError(ErrorCode::Cancelled, "cancelled while encoding the pool");
            std::vector<std::string> texts;
            for (std::size_t j = i; j < std::min(pool->problems.size(), i + kBatch); ++j)
                texts.push_back(pool->problems[j].text);
            auto encoded = encoder->encode(texts);
            if (!encoded)
                return encoded.error();
            for (auto& v : *encoded)
                vectors.push_back(std::move(v));
        }
        chosen = method::selectAutoCot(pool->problems, vectors, options.k, options.seed);
        howMade += " seed=" + std::to_string(options.seed) + " encoder=" + encoder->id();
        break;
    }
    default:
        break;
    }

    DemoBuildResult result;
    const bool fromSolution = options.source == method::DemoSource::ComplexCot;
    result.set = method::makeDemoSet(name, howMade, pool->problems, chosen, fromSolution, scores);
    if (!fromSolution) {
        if (config.backend.model.empty())
            return makeError(ErrorCode::Usage,
                "writing reasoning paths needs a backend: --model NAME (and --base-url URL)", "--model");
        RunConfig generatorConfig = config;
        auto generator = resolveMethod(owner->demos.generator, generatorConfig);
        if (!generator)
            return generator.error();
        auto program = MethodStepProgram::create(generatorConfig, "[]");
        if (!program)
            return program.error();
        llm::ClientOptions clientOptions;
        clientOptions.apiKey = llm::environmentKey(config.backend.apiKeyEnv);
        if (config.useCache && store.path() != ":memory:") {
            auto cache = store::SqliteResponseCache::open(store.path());
            if (!cache)
                return cache.error();
            clientOptions.cache = std::shared_ptr<llm::ResponseCache>(std::move(*cache));
        }
        llm::Client client(config.backend, clientOptions);
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            if (cancel.isCancelled())
                return makeError(ErrorCode::Cancelled, "cancelled while writing reasoning paths");
            auto reasoning = generateReasoning(
                client, generatorConfig, **program, encoder.get(), pool->problems[chosen[i]], result.generatedCalls);
            if (!reasoning)
                return reasoning.error();
            result.set.items[i].reasoning = std::move(*reasoning);
        }
        result.set.howMade += " reasoning=" + owner->demos.generator + " model=" + config.backend.model + " at "
            + config.backend.effectiveBaseUrl();
    }

    store::DemoSetRecord record;
    record.name = result.set.name;
    record.howMade = result.set.howMade;
    record.itemsJson = method::demoItemsToJson(result.set.items).dump();
    auto id = store.saveDemoSet(record);
    if (!id)
        return id.error();
    result.demoSetId = *id;
    return result;
}

} // namespace wb::run
