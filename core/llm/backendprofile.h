// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace wb::llm {

constexpr const char* kDefaultApiKeyEnv = "OPENAI_API_KEY";
constexpr const char* kBaseUrlEnv = "OPENAI_BASE_URL";
constexpr const char* kDefaultBaseUrl = "https://api.openai.com/v1";

/// One OpenAI-compatible backend. The base URL ends where the OpenAI SDKs expect it to ("…/v1"); endpoints are
/// appended to it. The profile holds only the *name* of the environment variable with the key, never the key, so
/// that a profile can be stored, logged and shown without leaking a secret.
struct BackendProfile {
    std::string name;
    std::string baseUrl; ///< empty = $OPENAI_BASE_URL, else kDefaultBaseUrl
    std::string model;
    std::string apiKeyEnv = kDefaultApiKeyEnv; ///< environment variable holding the key (may be unset)
    int concurrency = 8; ///< upper bound of transfers in flight
    double connectTimeoutS = 10;
    double requestTimeoutS = 120; ///< whole transfer, including a streamed answer
    int maxRetries = 4; ///< for 5xx, transport errors and malformed bodies
    int maxRateLimitRetries = 16; ///< separate budget for 429, so throttling never ends a run early
    double retryBaseDelayS = 0.5; ///< first back-off; doubles per attempt, with full jitter
    double retryMaxDelayS = 30;

    /// baseUrl, else $OPENAI_BASE_URL, else kDefaultBaseUrl; without a trailing slash.
    std::string effectiveBaseUrl() const;
    /// effectiveBaseUrl() + "/" + path (path without a leading slash, e.g. "chat/completions").
    std::string endpoint(const std::string& path) const;

    /// Serialisable form (no key, by construction).
    nlohmann::json toJson() const;
    /// Reads the fields toJson() writes; unknown fields are ignored, wrong types are errors naming the field.
    static Result<BackendProfile> fromJson(const nlohmann::json& json);
};

/// The key from the profile's environment variable; empty when the variable is unset (local servers need none).
std::string apiKeyFromEnvironment(const BackendProfile& profile);

} // namespace wb::llm
