// SPDX-License-Identifier: Apache-2.0
#include "core/llm/replystatus.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace wb::llm {

const char* replyStatusName(ReplyStatus status)
{
    switch (status) {
    case ReplyStatus::Ok:
        return "ok";
    case ReplyStatus::Truncated:
        return "truncated";
    case ReplyStatus::Empty:
        return "empty";
    case ReplyStatus::Filtered:
        return "filtered";
    case ReplyStatus::Malformed:
        return "malformed";
    }
    return "ok";
}

namespace {

std::string stringField(const nlohmann::json& object, const char* name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool blank(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

/// OpenRouter's reasoning_details: [{"type":"reasoning.text","text":..}, {"type":"reasoning.summary","summary":..}]
std::string reasoningDetailsText(const nlohmann::json& details)
{
    std::string text;
    if (!details.is_array())
        return text;
    for (const nlohmann::json& entry : details) {
        if (!entry.is_object())
            continue;
        std::string part = stringField(entry, "text");
        if (part.empty())
            part = stringField(entry, "summary");
        if (part.empty())
            continue;
        if (!text.empty())
            text += '\n';
        text += part;
    }
    return text;
}

std::string tokensNote(std::int64_t reasoningTokens)
{
    return reasoningTokens > 0 ? "; " + std::to_string(reasoningTokens) + " reasoning tokens" : std::string();
}

} // namespace

std::string reasoningOf(const nlohmann::json& message)
{
    if (!message.is_object())
        return {};
    for (const char* field : { "reasoning_content", "reasoning" }) {
        if (std::string text = stringField(message, field); !text.empty())
            return text;
    }
    if (const auto details = message.find("reasoning_details"); details != message.end())
        return reasoningDetailsText(*details);
    return {};
}

std::string filteredCategories(const nlohmann::json& choice)
{
    std::string out;
    const auto results = choice.find("content_filter_results");
    if (results == choice.end() || !results->is_object())
        return out;
    for (const auto& [category, verdict] : results->items()) {
        if (!verdict.is_object() || !verdict.value("filtered", false))
            continue;
        std::string entry = category;
        if (const std::string severity = stringField(verdict, "severity"); !severity.empty())
            entry += " (" + severity + ")";
        out += (out.empty() ? "" : ", ") + entry;
    }
    return out;
}

void classifyChoice(ChatChoice& choice, const nlohmann::json& rawChoice, bool contentIsText,
    const std::string& contentKind, std::int64_t reasoningTokens)
{
    const std::string finish = choice.finishReason.empty() ? std::string("none") : choice.finishReason;
    const auto set = [&](ReplyStatus status, std::string reason) {
        choice.status = status;
        choice.statusReason = std::move(reason);
    };
    if (!contentIsText)
        return set(ReplyStatus::Malformed, "the message content is " + contentKind + ", not text");
    const std::string categories = filteredCategories(rawChoice);
    if (choice.finishReason == "content_filter" || !categories.empty())
        return set(ReplyStatus::Filtered,
            "withheld by the content filter" + (categories.empty() ? std::string() : ": " + categories)
                + " (finish_reason " + finish + ")");
    const auto message = rawChoice.find("message");
    if (message != rawChoice.end() && message->is_object()) {
        if (const std::string refusal = stringField(*message, "refusal"); !refusal.empty())
            return set(ReplyStatus::Filtered, "the model refused: " + refusal);
    }
    if (blank(choice.text))
        return set(ReplyStatus::Empty,
            "empty reply (finish_reason " + finish + tokensNote(reasoningTokens)
                + (choice.reasoning.empty() ? std::string() : "; the reasoning text is kept") + ")");
    if (choice.finishReason == "length")
        return set(ReplyStatus::Truncated, "cut off at the token or context limit (finish_reason length)");
    set(ReplyStatus::Ok, {});
}

} // namespace wb::llm
