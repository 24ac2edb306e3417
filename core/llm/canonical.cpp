// SPDX-License-Identifier: Apache-2.0
#include "core/llm/canonical.h"

#include "core/common/sha256.h"

#include <nlohmann/json.hpp>

namespace wb::llm {

namespace {

/// What OpenAI's reasoning models refuse with a 400 (their defaults are the only values they accept).
constexpr const char* kReasoningRejects[]
    = { "temperature", "top_p", "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs", "logit_bias" };

// nlohmann::json stores objects in a std::map, so dump() already sorts keys: the body is canonical as long as
// numbers are rendered the same way, which dump() guarantees for equal values.
nlohmann::json chatBody(const BackendProfile& profile, const ChatRequest& request)
{
    nlohmann::json body = nlohmann::json::object();
    body["model"] = profile.model;
    if (request.prompt) {
        body["prompt"] = *request.prompt;
    } else {
        nlohmann::json messages = nlohmann::json::array();
        for (const ChatMessage& m : request.messages)
            messages.push_back({ { "role", m.role }, { "content", m.content } });
        body["messages"] = std::move(messages);
    }
    if (request.temperature)
        body["temperature"] = *request.temperature;
    if (request.topP)
        body["top_p"] = *request.topP;
    if (request.maxTokens)
        body["max_tokens"] = *request.maxTokens;
    if (request.seed)
        body["seed"] = *request.seed;
    if (request.n)
        body["n"] = *request.n;
    if (!request.stop.empty())
        body["stop"] = request.stop;
    if (request.extraParams.is_object())
        for (const auto& [key, value] : request.extraParams.items())
            body[key] = value;
    body.erase("stream");
    adaptToBackend(body, profile);
    return body;
}

std::string keyOf(const BackendProfile& profile, const std::string& kind, const nlohmann::json& body, int sampleIndex)
{
    const nlohmann::json key {
        { "base_url", profile.effectiveBaseUrl() },
        { "endpoint", kind },
        { "body", body },
        { "sample_index", sampleIndex },
    };
    return Sha256::hex(key.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

nlohmann::json embeddingsBody(const BackendProfile& profile, const EmbeddingsRequest& request)
{
    nlohmann::json body = nlohmann::json::object();
    body["model"] = profile.model;
    body["input"] = request.inputs;
    if (request.extraParams.is_object())
        for (const auto& [key, value] : request.extraParams.items())
            body[key] = value;
    return body;
}

} // namespace

void adaptToBackend(nlohmann::json& body, const BackendProfile& profile)
{
    if (profile.reasoningModel || profile.maxCompletionTokens) {
        if (const auto it = body.find("max_tokens"); it != body.end()) {
            if (!body.contains("max_completion_tokens"))
                body["max_completion_tokens"] = *it;
            body.erase("max_tokens");
        }
    }
    if (profile.reasoningModel)
        for (const char* name : kReasoningRejects)
            body.erase(name);
    for (const std::string& name : profile.omitParams)
        body.erase(name);
    if (!profile.reasoningEffort.empty() && !body.contains("reasoning_effort"))
        body["reasoning_effort"] = profile.reasoningEffort;
}

const char* chatEndpointPath(const ChatRequest& request) { return request.prompt ? "completions" : "chat/completions"; }

std::string canonicalRequestJson(const BackendProfile& profile, const ChatRequest& request)
{
    nlohmann::json body = chatBody(profile, request);
    if (request.stream)
        body["stream"] = true;
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string canonicalEmbeddingsJson(const BackendProfile& profile, const EmbeddingsRequest& request)
{
    return embeddingsBody(profile, request).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string cacheKey(const BackendProfile& profile, const ChatRequest& request)
{
    return keyOf(profile, chatEndpointPath(request), chatBody(profile, request), request.sampleIndex);
}

std::string cacheKey(const BackendProfile& profile, const EmbeddingsRequest& request)
{
    return keyOf(profile, "embeddings", embeddingsBody(profile, request), 0);
}

} // namespace wb::llm
