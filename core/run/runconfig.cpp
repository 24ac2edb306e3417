// SPDX-License-Identifier: Apache-2.0
#include "core/run/runconfig.h"

#include "core/common/sha256.h"

namespace wb::run {
namespace {

constexpr int kConfigSchema = 1;

// Reads json[key] into out when present; a value of the wrong type is an error naming the field.
template <class T> Result<void> readField(const nlohmann::json& json, const char* key, T& out)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return {};
    try {
        out = it->get<T>();
    } catch (const nlohmann::json::exception& e) {
        return makeError(ErrorCode::InvalidInput, std::string("wrong type: ") + e.what(), std::string("config.") + key);
    }
    return {};
}

template <class T> Result<void> readOptional(const nlohmann::json& json, const char* key, std::optional<T>& out)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) {
        out.reset();
        return {};
    }
    T value {};
    if (auto r = readField(json, key, value); !r)
        return r;
    out = value;
    return {};
}

} // namespace

nlohmann::json RunConfig::toJson() const
{
    // nlohmann::json objects keep keys sorted, which makes dump() canonical.
    nlohmann::json json;
    json["schema"] = kConfigSchema;
    json["name"] = name;
    json["dataset"]
        = { { "path", datasetPath }, { "format", datasetFormat }, { "sha256", datasetHash }, { "limit", limit } };
    json["method"]
        = { { "id", methodId }, { "text", methodText }, { "sha256", methodHash }, { "demo_set", demoSetId } };
    nlohmann::json sampling = nlohmann::json::object();
    sampling["temperature"] = temperature ? nlohmann::json(*temperature) : nlohmann::json();
    sampling["max_tokens"] = maxTokens ? nlohmann::json(*maxTokens) : nlohmann::json();
    sampling["seed"] = seed ? nlohmann::json(*seed) : nlohmann::json();
    json["backend"] = backend.toJson();
    json["sampling"] = sampling;
    json["cache"] = useCache;
    json["relevance"] = { { "encoder", encoder }, { "encoder_model", encoderModel }, { "theta", theta } };
    json["program_version"] = programVersion;
    return json;
}

std::string RunConfig::canonicalJson() const { return toJson().dump(); }

std::string RunConfig::experimentHash() const
{
    auto json = toJson();
    json.erase("name");
    json.erase("program_version");
    return Sha256::hex(json.dump());
}

Result<RunConfig> RunConfig::fromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        return makeError(ErrorCode::InvalidInput, "run configuration is not a JSON object", "config");
    RunConfig c;
    const auto section = [&](const char* key) {
        const auto it = json.find(key);
        return it != json.end() && it->is_object() ? *it : nlohmann::json::object();
    };
    const auto dataset = section("dataset");
    const auto method = section("method");
    const auto backend = section("backend");
    const auto relevance = section("relevance");
    const auto sampling = section("sampling");
    const Result<void> reads[] = {
        readField(json, "name", c.name),
        readField(json, "program_version", c.programVersion),
        readField(dataset, "path", c.datasetPath),
        readField(dataset, "format", c.datasetFormat),
        readField(dataset, "sha256", c.datasetHash),
        readField(dataset, "limit", c.limit),
        readField(method, "id", c.methodId),
        readField(method, "text", c.methodText),
        readField(method, "sha256", c.methodHash),
        readField(method, "demo_set", c.demoSetId),
        readField(json, "cache", c.useCache),
        readOptional(sampling, "temperature", c.temperature),
        readOptional(sampling, "max_tokens", c.maxTokens),
        readOptional(sampling, "seed", c.seed),
        readField(relevance, "encoder", c.encoder),
        readField(relevance, "encoder_model", c.encoderModel),
        readField(relevance, "theta", c.theta),
    };
    for (const auto& r : reads) {
        if (!r)
            return r.error();
    }
    auto profile = llm::BackendProfile::fromJson(backend);
    if (!profile)
        return profile.error();
    c.backend = std::move(*profile);
    return c;
}

Result<RunConfig> RunConfig::fromJsonText(const std::string& text)
{
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        return makeError(
            ErrorCode::InvalidInput, std::string("run configuration is not valid JSON: ") + e.what(), "config");
    }
    return fromJson(json);
}

std::size_t RunConfig::problemCount(std::size_t datasetProblems) const
{
    return limit > 0 && limit < datasetProblems ? limit : datasetProblems;
}

Result<void> RunConfig::validate() const
{
    const auto missing = [](const char* field, const char* what) {
        return makeError(ErrorCode::Usage, std::string("missing ") + what, std::string("config.") + field);
    };
    if (datasetPath.empty())
        return missing("dataset.path", "dataset file");
    if (methodId.empty() || methodText.empty())
        return missing("method.id", "method");
    if (backend.baseUrl.empty())
        return missing("backend.base_url", "backend base URL (--base-url or OPENAI_BASE_URL)");
    if (backend.model.empty())
        return missing("backend.model", "model name (--model)");
    if (backend.concurrency < 1 || backend.concurrency > 1024)
        return makeError(ErrorCode::Usage, "concurrency must be between 1 and 1024", "config.backend.concurrency");
    if (backend.maxRetries < 0 || backend.maxRetries > 100)
        return makeError(ErrorCode::Usage, "retries must be between 0 and 100", "config.backend.max_retries");
    if (!(backend.requestTimeoutS > 0))
        return makeError(ErrorCode::Usage, "timeout must be positive", "config.backend.request_timeout_s");
    if (auto checked = backend.check(); !checked)
        return makeError(checked.error().code, checked.error().message, "config." + checked.error().location);
    if (!(theta >= -1.0 && theta <= 1.0))
        return makeError(ErrorCode::Usage, "theta must lie in [-1, 1]", "config.relevance.theta");
    return {};
}

} // namespace wb::run
