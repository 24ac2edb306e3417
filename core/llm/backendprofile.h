// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace wb::llm {

constexpr const char* kDefaultApiKeyEnv = "OPENAI_API_KEY";
constexpr const char* kBaseUrlEnv = "OPENAI_BASE_URL";
constexpr const char* kDefaultBaseUrl = "https://api.openai.com/v1";

/// One OpenAI-compatible backend. The base URL ends where the OpenAI SDKs expect it to ("…/v1", or Azure's
/// "…/openai/deployments/NAME"); endpoints are appended to it. The profile holds only the *name* of the
/// environment variable with the key, never the key, so that a profile can be stored, logged and shown without
/// leaking a secret; the client gets the key itself from a KeyProvider (keyprovider.h).
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
    /// Ceiling on the time one call may take from its first attempt, back-offs and 429 waits included; a call
    /// that would need longer is an error naming the reason, and the run goes on with the next one.
    double maxWaitS = 300;

    /// Azure OpenAI's api-version, sent as a query parameter on every request. Required by a deployment URL
    /// (…/openai/deployments/NAME), which also sends the key as an `api-key` header; empty for everything else
    /// (Azure's …/openai/v1 form included, which takes the key as a Bearer token like OpenAI).
    std::string apiVersion;
    /// OpenAI reasoning models (o1, o3, o4-mini, gpt-5…): the token limit goes out as max_completion_tokens and
    /// the sampling parameters these models reject (temperature, top_p, penalties, logprobs) are left out.
    bool reasoningModel = false;
    std::string reasoningEffort; ///< sent as reasoning_effort ("low", "medium", "high", …); empty = not sent

    // What a server's 400 taught the client about this model. Kept with the run's configuration, so a rerun or
    // resume sends the same bodies (and so hits the same cache entries) from its first call.
    bool maxCompletionTokens = false; ///< send max_tokens under the name max_completion_tokens
    std::vector<std::string> omitParams; ///< body fields never sent, e.g. "temperature"

    /// baseUrl, else $OPENAI_BASE_URL, else kDefaultBaseUrl; without a trailing slash.
    std::string effectiveBaseUrl() const;
    /// effectiveBaseUrl() + "/" + path (path without a leading slash, e.g. "chat/completions"), with
    /// "?api-version=…" when apiVersion is set. An Azure deployment's "models" is the resource's …/openai/models.
    std::string endpoint(const std::string& path) const;
    /// The base URL has Azure's deployment form …/openai/deployments/NAME.
    bool isAzureDeployment() const;
    /// NAME of an Azure deployment URL; empty otherwise.
    std::string azureDeployment() const;
    /// The key goes in an `api-key` header (Azure deployments) rather than `Authorization: Bearer`.
    bool sendsApiKeyHeader() const { return isAzureDeployment(); }
    /// Settings that cannot work: a deployment URL without apiVersion, characters outside [A-Za-z0-9._-] in
    /// apiVersion or reasoningEffort, a max wait that is not positive. The error names the field.
    Result<void> check() const;

    /// Serialisable form (no key, by construction).
    nlohmann::json toJson() const;
    /// Reads the fields toJson() writes; unknown fields are ignored, wrong types are errors naming the field.
    static Result<BackendProfile> fromJson(const nlohmann::json& json);
};

} // namespace wb::llm
