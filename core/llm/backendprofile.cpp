// SPDX-License-Identifier: Apache-2.0
#include "core/llm/backendprofile.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace wb::llm {

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

std::string BackendProfile::endpoint(const std::string& path) const { return effectiveBaseUrl() + "/" + path; }

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
        && readField(json, "retry_max_delay_s", p.retryMaxDelayS, error);
    if (!ok)
        return error;
    if (p.concurrency < 1)
        return makeError(ErrorCode::InvalidInput, "must be at least 1", "backend.concurrency");
    return p;
}

std::string apiKeyFromEnvironment(const BackendProfile& profile)
{
    if (profile.apiKeyEnv.empty())
        return {};
    const char* value = std::getenv(profile.apiKeyEnv.c_str());
    return value ? std::string(value) : std::string();
}

} // namespace wb::llm
