// SPDX-License-Identifier: Apache-2.0
#include "core/run/outcomejson.h"

#include <cstdio>
#include <sstream>

namespace wb::run {

namespace {

nlohmann::json optionalNumber(const std::optional<std::int64_t>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json();
}

/// The request's messages, or the raw body when it is not the JSON the runner wrote.
nlohmann::json requestMessages(const std::string& requestJson)
{
    const nlohmann::json request = nlohmann::json::parse(requestJson, nullptr, false);
    if (request.is_object() && request.contains("messages"))
        return request["messages"];
    return requestJson.empty() ? nlohmann::json::array() : nlohmann::json(requestJson);
}

void indented(std::ostringstream& out, const std::string& title, const std::string& text)
{
    out << "  " << title << ":\n";
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
        out << "    " << line << '\n';
}

} // namespace

nlohmann::json outcomeJson(const OutcomeCounts& counts)
{
    const eval::Accuracy accuracy = counts.accuracy();
    return { { "planned", counts.planned }, { "answered", counts.answered() }, { "correct", counts.correct },
        { "wrong", counts.wrong }, { "no_answer", counts.noAnswer }, { "errors", counts.errors },
        { "unfinished", counts.unfinished() }, { "coverage", accuracy.coverage() },
        { "accuracy", accuracy.defined() ? nlohmann::json(accuracy.value) : nlohmann::json() },
        { "ci",
            accuracy.defined() ? nlohmann::json::array({ accuracy.ci.low, accuracy.ci.high }) : nlohmann::json() } };
}

nlohmann::json callJson(const store::CallRecord& call)
{
    return { { "problem_index", call.problemIndex }, { "step", call.step },
        { "status", store::callStatusName(call.status) }, { "reason", call.error },
        { "finish_reason", call.finishReason }, { "messages", requestMessages(call.requestJson) },
        { "response_text", call.responseText }, { "reasoning_text", call.reasoningText },
        { "prompt_tokens", optionalNumber(call.promptTokens) },
        { "completion_tokens", optionalNumber(call.completionTokens) },
        { "reasoning_tokens", optionalNumber(call.reasoningTokens) },
        { "latency_ms", call.latencyMs ? nlohmann::json(*call.latencyMs) : nlohmann::json() },
        { "attempts", call.attempts }, { "from_cache", call.fromCache } };
}

std::string callText(const store::CallRecord& call)
{
    std::ostringstream out;
    out << "problem " << call.problemIndex << " " << call.step << ": " << store::callStatusName(call.status);
    if (!call.finishReason.empty())
        out << ", finish reason " << call.finishReason;
    out << ", tokens " << call.promptTokens.value_or(0) << " prompt / " << call.completionTokens.value_or(0)
        << " completion";
    if (call.reasoningTokens && *call.reasoningTokens > 0)
        out << " (" << *call.reasoningTokens << " reasoning)";
    if (call.latencyMs) {
        char latency[32];
        std::snprintf(latency, sizeof latency, "%.0f", *call.latencyMs);
        out << ", " << latency << " ms";
    }
    if (call.fromCache)
        out << ", from the cache";
    out << '\n';
    if (!call.error.empty())
        out << "  reason: " << call.error << '\n';
    const nlohmann::json messages = requestMessages(call.requestJson);
    for (const nlohmann::json& message : messages.is_array() ? messages : nlohmann::json::array({ messages })) {
        const std::string role = message.is_object() ? message.value("role", std::string("message")) : "request";
        const std::string content = message.is_object() && message.contains("content") && message["content"].is_string()
            ? message["content"].get<std::string>()
            : message.dump();
        indented(out, role, content);
    }
    if (!call.reasoningText.empty())
        indented(out, "reasoning", call.reasoningText);
    indented(out, "response", call.responseText);
    return out.str();
}

} // namespace wb::run
