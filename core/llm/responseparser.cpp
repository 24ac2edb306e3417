// SPDX-License-Identifier: Apache-2.0
#include "core/llm/responseparser.h"

#include "core/common/jsonparse.h"
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

/// The "usage" of a whole reply, or an error naming its malformed count.
Result<Usage> readUsage(const nlohmann::json& json)
{
    const auto it = json.find("usage");
    if (it == json.end() || !it->is_object())
        return Usage {};
    return parseUsage(*it);
}

Result<std::int64_t> readCount(const nlohmann::json& usage, const char* key)
{
    const auto it = usage.find(key);
    if (it == usage.end() || it->is_null())
        return std::int64_t(0);
    const std::string field = std::string("usage.") + key;
    auto count = jsonToInt64(*it, field);
    if (!count || *count < 0)
        return makeFieldError(
            ErrorCode::InvalidInput, field, "'" + field + "' must be a non-negative integer, got " + it->dump());
    return count;
}

} // namespace

Result<Usage> parseUsage(const nlohmann::json& usage)
{
    auto prompt = readCount(usage, "prompt_tokens");
    if (!prompt)
        return prompt.error();
    auto completion = readCount(usage, "completion_tokens");
    if (!completion)
        return completion.error();
    Usage counts { *prompt, *completion };
    // OpenAI, DeepSeek and OpenRouter count reasoning tokens here; a null or absent detail means 0.
    if (const auto details = usage.find("completion_tokens_details"); details != usage.end() && details->is_object()) {
        auto reasoning = readCount(*details, "reasoning_tokens");
        if (!reasoning)
            return reasoning.error();
        counts.reasoningTokens = *reasoning;
    }
    return counts;
}

Result<ChatResponse> parseChatResponse(const std::string& body, const std::string& url)
{
    try {
        auto parsed = parseJson(body, url);
        if (!parsed)
            return malformed(parsed.error().message + " at " + parsed.error().location, url);
        const nlohmann::json& json = *parsed;
        if (!json.is_object())
            return malformed("not a JSON object", url);
        const auto choices = json.find("choices");
        if (choices == json.end() || !choices->is_array() || choices->empty())
            return malformed("no \"choices\" array", url);
        ChatResponse response;
        auto usage = readUsage(json);
        if (!usage)
            return malformed(usage.error().message, url);
        response.usage = *usage;
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
    } catch (const std::exception& e) {
        return malformed(e.what(), url);
    }
}

Result<EmbeddingsResponse> parseEmbeddingsResponse(
    const std::string& body, std::size_t expectedCount, const std::string& url)
{
    try {
        auto parsed = parseJson(body, url);
        if (!parsed)
            return malformed(parsed.error().message + " at " + parsed.error().location, url);
        const nlohmann::json& json = *parsed;
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
            const auto rawIndex = item.contains("index") ? jsonToInt64(item.at("index"), "index") : std::int64_t(i);
            if (!rawIndex || *rawIndex < 0 || std::uint64_t(*rawIndex) >= expectedCount || seen[std::size_t(*rawIndex)])
                return malformed(
                    "bad or repeated embedding index " + item.value("index", nlohmann::json()).dump(), url);
            const auto index = std::size_t(*rawIndex);
            seen[index] = true;
            response.vectors[index] = item.at("embedding").get<std::vector<float>>();
        }
        auto usage = readUsage(json);
        if (!usage)
            return malformed(usage.error().message, url);
        response.usage = *usage;
        response.model = json.value("model", std::string());
        response.rawBody = body;
        return response;
    } catch (const std::exception& e) {
        return malformed(e.what(), url);
    }
}

Result<std::vector<std::string>> parseModelsResponse(const std::string& body, const std::string& url)
{
    try {
        auto parsed = parseJson(body, url);
        if (!parsed)
            return malformed(parsed.error().message + " at " + parsed.error().location, url);
        const nlohmann::json& json = *parsed;
        const auto data = json.find("data");
        if (!json.is_object() || data == json.end() || !data->is_array())
            return malformed("no \"data\" array", url);
        std::vector<std::string> ids;
        for (const nlohmann::json& model : *data)
            ids.push_back(model.at("id").get<std::string>());
        return ids;
    } catch (const std::exception& e) {
        return malformed(e.what(), url);
    }
}

} // namespace wb::llm
