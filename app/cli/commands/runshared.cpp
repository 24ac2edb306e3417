// SPDX-License-Identifier: Apache-2.0
#include "app/cli/commands/runshared.h"

#include "core/llm/backendprofile.h"

#include <charconv>
#include <cstdio>
#include <filesystem>

namespace wb::cli {

const std::set<std::string>& backendValueOptions()
{
    static const std::set<std::string> options { "model", "base-url", "api-key-env", "concurrency", "timeout",
        "retries", "temperature", "max-tokens", "seed", "encoder", "embedding-model", "theta" };
    return options;
}

Result<store::Store> openStore(const Args& args, bool mustExist)
{
    const std::string path = args.valueOr("db", kDefaultDbPath);
    std::error_code ec;
    if (mustExist && !std::filesystem::exists(path, ec))
        return makeError(ErrorCode::NotFound, "no workbench database here (give one with --db FILE)", path);
    return store::Store::open(path);
}

Result<std::int64_t> parseRunId(const std::string& text, const std::string& what)
{
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
        return makeError(ErrorCode::Usage, what + " must be a run id (a positive whole number), got '" + text + "'");
    return id;
}

Result<std::int64_t> singleRunId(const Args& args, const std::string& command)
{
    if (args.positionals().size() != 1)
        return makeError(ErrorCode::Usage, command + " takes exactly one RUN id");
    return parseRunId(args.positionals().front(), "RUN");
}

Result<void> applyBackendOptions(const Args& args, run::RunConfig& config)
{
    llm::BackendProfile& backend = config.backend;
    backend.baseUrl = args.valueOr("base-url", "");
    backend.baseUrl = backend.effectiveBaseUrl(); // --base-url, else $OPENAI_BASE_URL, else the OpenAI API
    backend.model = args.valueOr("model", "");
    backend.apiKeyEnv = args.valueOr("api-key-env", llm::kDefaultApiKeyEnv);
    auto concurrency = args.integer("concurrency", backend.concurrency);
    auto retries = args.integer("retries", backend.maxRetries);
    auto timeout = args.number("timeout", backend.requestTimeoutS);
    auto theta = args.number("theta", config.theta);
    if (!concurrency)
        return concurrency.error();
    if (!retries)
        return retries.error();
    if (!timeout)
        return timeout.error();
    if (!theta)
        return theta.error();
    if (*concurrency < 1 || *concurrency > 1024)
        return makeError(ErrorCode::Usage, "option --concurrency must be between 1 and 1024");
    if (*retries < 0 || *retries > 100)
        return makeError(ErrorCode::Usage, "option --retries must be between 0 and 100");
    if (!(*timeout > 0))
        return makeError(ErrorCode::Usage, "option --timeout must be a positive number of seconds");
    backend.concurrency = int(*concurrency);
    backend.maxRetries = int(*retries);
    backend.requestTimeoutS = *timeout;
    config.theta = *theta;
    if (args.value("temperature")) {
        auto t = args.number("temperature", 0);
        if (!t)
            return t.error();
        if (*t < 0 || *t > 2)
            return makeError(ErrorCode::Usage, "option --temperature must lie in [0, 2]");
        config.temperature = *t;
    }
    if (args.value("max-tokens")) {
        auto m = args.integer("max-tokens", 0);
        if (!m)
            return m.error();
        if (*m < 1)
            return makeError(ErrorCode::Usage, "option --max-tokens must be at least 1");
        config.maxTokens = int(*m);
    }
    if (args.value("seed")) {
        auto s = args.integer("seed", 0);
        if (!s)
            return s.error();
        config.seed = *s;
    }
    config.useCache = !args.has("no-cache");
    config.encoder = args.valueOr("encoder", "builtin");
    config.encoderModel = args.valueOr("embedding-model", "");
    if (backend.model.empty())
        return makeError(ErrorCode::Usage, "missing --model NAME");
    return {};
}

std::string formatAccuracy(const eval::Accuracy& accuracy)
{
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "%.4f (%zu/%zu), 95%% CI [%.4f, %.4f]", accuracy.value, accuracy.correct,
        accuracy.total, accuracy.ci.low, accuracy.ci.high);
    return buffer;
}

eval::Accuracy accuracyOf(std::size_t correct, std::size_t total)
{
    eval::Accuracy accuracy;
    accuracy.correct = correct;
    accuracy.total = total;
    accuracy.value = total ? double(correct) / double(total) : 0.0;
    accuracy.ci = eval::wilsonInterval(correct, total);
    return accuracy;
}

} // namespace wb::cli
