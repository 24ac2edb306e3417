// SPDX-License-Identifier: Apache-2.0
#include "core/llm/backendprofile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace wb::llm {

namespace {

constexpr std::string_view kDeployments = "/openai/deployments/";

bool isToken(const std::string& text)
{
    return std::all_of(
        text.begin(), text.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; });
}

} // namespace

std::string BackendProfile::effectiveBaseUrl() const
{
    std::string url = baseUrl;
    if (url.empty()) {
        const char* env = std::getenv(kBaseUrlEnv);
        url = (env && *env) ? env : kDefaultBaseUrl;
    }
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

std::string BackendProfile::endpoint(const std::string& path) const
{
    std::string url = effectiveBaseUrl();
    // A deployment has no model list of its own; the resource lists its models one level up.
    if (path == "models" && isAzureDeployment())
        url.erase(url.find(kDeployments) + std::string_view("/openai").size());
    url += "/" + path;
    if (!apiVersion.empty())
        url += "?api-version=" + apiVersion;
    return url;
}

bool BackendProfile::isAzureDeployment() const { return !azureDeployment().empty(); }

std::string BackendProfile::azureDeployment() const
{
    const std::string url = effectiveBaseUrl();
    const std::size_t at = url.find(kDeployments);
    if (at == std::string::npos)
        return {};
    const std::string rest = url.substr(at + kDeployments.size());
    return rest.substr(0, rest.find('/'));
}

Result<void> BackendProfile::check() const
{
    if (isAzureDeployment() && apiVersion.empty())
        return makeError(ErrorCode::Usage,
            "an Azure deployment URL (…/openai/deployments/" + azureDeployment()
                + ") needs an api-version, e.g. 2024-10-21 (or use the …/openai/v1 base URL, which needs none)",
            "backend.api_version");
    if (!isToken(apiVersion))
        return makeError(ErrorCode::Usage, "may hold only letters, digits, '.', '_' and '-'", "backend.api_version");
    if (!isToken(reasoningEffort))
        return makeError(
            ErrorCode::Usage, "may hold only letters, digits, '.', '_' and '-'", "backend.reasoning_effort");
    if (!(maxWaitS > 0))
        return makeError(ErrorCode::Usage, "the max wait must be positive", "backend.max_wait_s");
    return {};
}

nlohmann::json BackendProfile::toJson() const
{
    return nlohmann::json {
        { "name", name },
        { "base_url", baseUrl },
        { "model", model },
        { "api_key_env", apiKeyEnv },
        { "concurrency", concurrency },
        { "connect_timeout_s", connectTimeoutS },
        { "request_timeout_s", requestTimeoutS },
        { "max_retries", maxRetries },
        { "max_rate_limit_retries", maxRateLimitRetries },
        { "retry_base_delay_s", retryBaseDelayS },
        { "retry_max_delay_s", retryMaxDelayS },
        { "max_wait_s", maxWaitS },
        { "api_version", apiVersion },
        { "reasoning_model", reasoningModel },
        { "reasoning_effort", reasoningEffort },
        { "max_completion_tokens", maxCompletionTokens },
        { "omit_params", omitParams },
    };
}

namespace {

template <class T> bool readField(const nlohmann::json& json, const char* key, T& out, Error& error)
{
    const auto it = json.find(key);
    if (it == json.end() || it->is_null())
        return true;
    try {
        out = it->get<T>();
        return true;
    } catch (const nlohmann::json::exception& e) {
        error
            = makeError(ErrorCode::InvalidInput, std::string("wrong type: ") + e.what(), std::string("backend.") + key);
        return false;
    }
}

} // namespace

Result<BackendProfile> BackendProfile::fromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        return makeError(ErrorCode::InvalidInput, "a backend profile must be a JSON object", "backend");
    BackendProfile p;
    Error error;
    const bool ok = readField(json, "name", p.name, error) && readField(json, "base_url", p.baseUrl, error)
        && readField(json, "model", p.model, error) && readField(json, "api_key_env", p.apiKeyEnv, error)
        && readField(json, "concurrency", p.concurrency, error)
        && readField(json, "connect_timeout_s", p.connectTimeoutS, error)
        && readField(json, "request_timeout_s", p.requestTimeoutS, error)
        && readField(json, "max_retries", p.maxRetries, error)
        && readField(json, "max_rate_limit_retries", p.maxRateLimitRetries, error)
        && readField(json, "retry_base_delay_s", p.retryBaseDelayS, error)
        && readField(json, "retry_max_delay_s", p.retryMaxDelayS, error)
        && readField(json, "max_wait_s", p.maxWaitS, error) && readField(json, "api_version", p.apiVersion, error)
        && readField(json, "reasoning_model", p.reasoningModel, error)
        && readField(json, "reasoning_effort", p.reasoningEffort, error)
        && readField(json, "max_completion_tokens", p.maxCompletionTokens, error)
        && readField(json, "omit_params", p.omitParams, error);
    if (!ok)
        return error;
    if (p.concurrency < 1)
        return makeError(ErrorCode::InvalidInput, "must be at least 1", "backend.concurrency");
    return p;
}

} // namespace wb::llm
