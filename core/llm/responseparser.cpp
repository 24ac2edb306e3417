// SPDX-License-Identifier: Apache-2.0
#include "core/llm/responseparser.h"

#include "core/llm/replystatus.h"

#include <nlohmann/json.hpp>

namespace wb::llm {

namespace {

Error malformed(const std::string& what, const std::string& url)
{
    return makeError(ErrorCode::InvalidInput, "malformed response body: " + what, url);
}

const char* jsonKind(const nlohmann::json& value)
{
    return value.is_number() ? "a number"
        : value.is_boolean() ? "a boolean"
        : value.is_array()   ? "an array"
        : value.is_object()  ? "an object"
                             : "not text";
}

Usage readUsage(const nlohmann::json& json)
{
    Usage usage;
    const auto it = json.find("usage");
    if (it == json.end() || !it->is_object())
        return usage;
    usage.promptTokens = it->value("prompt_tokens", std::int64_t(0));
    usage.completionTokens = it->value("completion_tokens", std::int64_t(0));
    // OpenAI, DeepSeek and OpenRouter count reasoning tokens here; a null or absent detail means 0.
    if (const auto details = it->find("completion_tokens_details"); details != it->end() && details->is_object()) {
        if (const auto reasoning = details->find("reasoning_tokens");
            reasoning != details->end() && reasoning->is_number_integer())
            usage.reasoningTokens = reasoning->get<std::int64_t>();
    }
    return usage;
}

} // namespace

Result<ChatResponse> parseChatResponse(const std::string& body, const std::string& url)
{
    try {
        const nlohmann::json json = nlohmann::json::parse(body);
        if (!json.is_object())
            return malformed("not a JSON object", url);
        const auto choices = json.find("choices");
        if (choices == json.end() || !choices->is_array() || choices->empty())
            return malformed("no \"choices\" array", url);
        ChatResponse response;
        response.usage = readUsage(json);
        for (const nlohmann::json& choice : *choices) {
            if (!choice.is_object())
                return malformed("a choice is not an object", url);
            const auto message = choice.find("message");
            const bool isChat = message != choice.end() && message->is_object();
            // A /v1/completions choice holds its text itself, as "text".
            if (!isChat && !choice.contains("text"))
                return malformed("a choice has no \"message\" object (nor the \"text\" of a completion)", url);
            const nlohmann::json& holder = isChat ? *message : choice;
            ChatChoice c;
            // null or absent content is an empty reply (a status), anything else but text a malformed one.
            const auto content = holder.find(isChat ? "content" : "text");
            const bool contentIsText = content == holder.end() || content->is_null() || content->is_string();
            if (content != holder.end() && content->is_string())
                c.text = content->get<std::string>();
            c.reasoning = reasoningOf(holder);
            const auto finish = choice.find("finish_reason");
            if (finish != choice.end() && finish->is_string())
                c.finishReason = finish->get<std::string>();
            classifyChoice(c, choice, contentIsText, contentIsText ? std::string() : jsonKind(*content),
                response.usage.reasoningTokens);
            response.choices.push_back(std::move(c));
        }
        const ChatChoice& first = response.choices.front();
        response.text = first.text;
        response.reasoning = first.reasoning;
        response.finishReason = first.finishReason;
        response.status = first.status;
        response.statusReason = first.statusReason;
        if (const auto model = json.find("model"); model != json.end() && model->is_string())
            response.model = model->get<std::string>();
        response.rawBody = body;
        return response;
    } catch (const nlohmann::json::exception& e) {
        return malformed(e.what(), url);
    }
}

Result<EmbeddingsResponse> parseEmbeddingsResponse(
    const std::string& body, std::size_t expectedCount, const std::string& url)
{
    try {
        const nlohmann::json json = nlohmann::json::parse(body);
        const auto data = json.find("data");
        if (!json.is_object() || data == json.end() || !data->is_array())
            return malformed("no \"data\" array", url);
        if (data->size() != expectedCount)
            return malformed(
                "expected " + std::to_string(expectedCount) + " embeddings, got " + std::to_string(data->size()), url);
        EmbeddingsResponse response;
        response.vectors.resize(expectedCount);
        std::vector<bool> seen(expectedCount, false);
        for (std::size_t i = 0; i < data->size(); ++i) {
            const nlohmann::json& item = (*data)[i];
            const std::size_t index = item.value("index", i);
            if (index >= expectedCount || seen[index])
                return malformed("bad or repeated embedding index " + std::to_string(index), url);
            seen[index] = true;
            response.vectors[index] = item.at("embedding").get<std::vector<float>>();
        }
        response.usage = readUsage(json);
        response.model = json.value("model", std::string());
        response.rawBody = body;
        return response;
    } catch (const nlohmann::json::exception& e) {
        return malformed(e.what(), url);
    }
}

Result<std::vector<std::string>> parseModelsResponse(const std::string& body, const std::string& url)
{
    try {
        const nlohmann::json json = nlohmann::json::parse(body);
        const auto data = json.find("data");
        if (!json.is_object() || data == json.end() || !data->is_array())
            return malformed("no \"data\" array", url);
        std::vector<std::string> ids;
        for (const nlohmann::json& model : *data)
            ids.push_back(model.at("id").get<std::string>());
        return ids;
    } catch (const nlohmann::json::exception& e) {
        return malformed(e.what(), url);
    }
}

} // namespace wb::llm
