// SPDX-License-Identifier: Apache-2.0
#include "app/cli/commands/runshared.h"

#include "app/cli/options.h"

#include "core/llm/backendprofile.h"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <limits>

namespace wb::cli {

void declareBackendOptions(CLI::App& app, BackendOptions& options)
{
    const run::RunConfig defaults;
    options.apiKeyEnv = defaults.backend.apiKeyEnv;
    options.concurrency = defaults.backend.concurrency;
    options.retries = defaults.backend.maxRetries;
    options.timeout = defaults.backend.requestTimeoutS;
    options.maxWait = defaults.backend.maxWaitS;
    options.theta = defaults.theta;
    app.add_option("--model", options.model, "model name sent to the backend")->type_name("NAME");
    app.add_option("--base-url", options.baseUrl,
           "OpenAI-compatible base URL (default: $OPENAI_BASE_URL, else https://api.openai.com/v1)")
        ->type_name("URL");
    declareApiKeyEnv(app, options.apiKeyEnv);
    app.add_option("--api-version", options.apiVersion,
           "Azure OpenAI api-version, needed by a .../openai/deployments/NAME base URL (key sent as api-key)")
        ->type_name("VERSION");
    addNumber(app, "--concurrency", options.concurrency, kWholeNumber,
        "requests in flight at most, 1..1024 (lowered on HTTP 429)")
        ->capture_default_str();
    addNumber(app, "--timeout", options.timeout, kSeconds, "time limit of one request")->capture_default_str();
    addNumber(app, "--retries", options.retries, kWholeNumber, "retries of a failed request, 0..100")
        ->capture_default_str();
    addNumber(app, "--max-wait", options.maxWait, kSeconds,
        "longest one call may take, retries and rate-limit waits included; then it is an error")
        ->capture_default_str();
    app.add_flag("--reasoning-model", options.reasoningModel,
        "OpenAI reasoning model (o-series, gpt-5): max_completion_tokens, no temperature or top_p (else learned "
        "from the server's first 400)");
    app.add_option("--reasoning-effort", options.reasoningEffort, "sent as reasoning_effort (e.g. low, medium, high)")
        ->type_name("LEVEL");
    addOptionalNumber(app, "--temperature", options.temperature, kNumber,
        "sampling temperature in [0, 2] for every step (default: the method's)");
    addOptionalNumber(app, "--max-tokens", options.maxTokens, kWholeNumber,
        "completion token limit for every step (default: the method's)");
    addOptionalNumber(app, "--seed", options.seed, kWholeNumber, "sampling seed sent with every request");
    app.add_flag("--no-cache", options.noCache, "send every request again instead of reusing cached responses");
    declareEncoder(app, options.encoder, options.embeddingModel);
    declareTheta(app, options.theta);
}

Result<store::Store> openStore(const std::string& path, bool mustExist)
{
    std::error_code ec;
    if (mustExist && !std::filesystem::exists(path, ec))
        return makeError(ErrorCode::NotFound, "no workbench database here (give one with --db FILE)", path);
    return store::Store::open(path);
}

Result<store::Store> openStoreReadOnly(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return makeError(ErrorCode::NotFound, "no workbench database here (give one with --db FILE)", path);
    return store::Store::open(path, store::Database::Mode::ReadOnly);
}

Result<std::int64_t> parseRunId(const std::string& text, const std::string& what)
{
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
        return makeError(ErrorCode::Usage, what + " must be a run id (a positive whole number), got '" + text + "'");
    return id;
}

Result<void> applyBackendOptions(const BackendOptions& options, run::RunConfig& config)
{
    if (options.concurrency < 1 || options.concurrency > 1024)
        return makeError(ErrorCode::Usage, "option --concurrency must be between 1 and 1024");
    if (options.retries < 0 || options.retries > 100)
        return makeError(ErrorCode::Usage, "option --retries must be between 0 and 100");
    if (!(options.timeout > 0))
        return makeError(ErrorCode::Usage, "option --timeout must be a positive number of seconds");
    if (!(options.maxWait > 0))
        return makeError(ErrorCode::Usage, "option --max-wait must be a positive number of seconds");
    if (options.temperature && (*options.temperature < 0 || *options.temperature > 2))
        return makeError(ErrorCode::Usage, "option --temperature must lie in [0, 2]");
    if (options.maxTokens && (*options.maxTokens < 1 || *options.maxTokens > std::numeric_limits<int>::max()))
        return makeError(ErrorCode::Usage, "option --max-tokens must be at least 1");
    if (options.model.empty())
        return makeError(ErrorCode::Usage, "missing --model NAME");
    llm::BackendProfile& backend = config.backend;
    backend.baseUrl = options.baseUrl;
    backend.baseUrl = backend.effectiveBaseUrl(); // --base-url, else $OPENAI_BASE_URL, else the OpenAI API
    backend.model = options.model;
    backend.apiKeyEnv = options.apiKeyEnv;
    backend.concurrency = int(options.concurrency);
    backend.maxRetries = int(options.retries);
    backend.requestTimeoutS = options.timeout;
    backend.maxWaitS = options.maxWait;
    backend.apiVersion = options.apiVersion;
    backend.reasoningModel = options.reasoningModel;
    backend.reasoningEffort = options.reasoningEffort;
    if (auto checked = backend.check(); !checked) {
        // Name the option the user typed rather than the profile field.
        const std::string option
            = checked.error().location == "backend.reasoning_effort" ? "--reasoning-effort" : "--api-version";
        return makeError(ErrorCode::Usage, "option " + option + ": " + checked.error().message);
    }
    config.theta = options.theta;
    if (options.temperature)
        config.temperature = *options.temperature;
    if (options.maxTokens)
        config.maxTokens = int(*options.maxTokens);
    if (options.seed)
        config.seed = *options.seed;
    config.useCache = !options.noCache;
    config.encoder = options.encoder;
    config.encoderModel = options.embeddingModel;
    return {};
}

std::string formatAccuracy(const run::OutcomeCounts& counts)
{
    return run::accuracyText(counts.accuracy()) + "; " + run::coverageText(counts);
}

std::size_t plannedProblems(store::Store& store, const store::RunRecord& run)
{
    auto config = run::RunConfig::fromJsonText(run.configJson);
    auto dataset = store.dataset(run.datasetId);
    const std::size_t datasetProblems = dataset ? dataset->problemCount : 0;
    return config ? config->problemCount(datasetProblems) : datasetProblems;
}

} // namespace wb::cli
