// SPDX-License-Identifier: Apache-2.0
#include "core/llm/bodyerror.h"

#include "core/common/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>

namespace wb::llm {

namespace {

constexpr std::size_t kMaxQuoted = 300;

std::string stringField(const nlohmann::json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return std::to_string(it->get<long long>());
    return {};
}

/// What the error says, for the user: its message, else its type or code, else the JSON itself (shortened).
std::string messageOf(const nlohmann::json& error)
{
    if (error.is_string())
        return error.get<std::string>();
    if (error.is_object()) {
        for (const char* key : { "message", "type", "code" })
            if (std::string said = stringField(error, key); !said.empty())
                return said;
    }
    return error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).substr(0, kMaxQuoted);
}

/// Overloaded or out of capacity: the same request may well succeed in a moment.
bool isTransient(const nlohmann::json& error)
{
    std::string words;
    if (error.is_object())
        for (const char* key : { "message", "type", "code", "status" })
            words += " " + stringField(error, key);
    else
        words = messageOf(error);
    words = text::asciiLower(words);
    for (const char* code : { " 429", " 500", " 502", " 503", " 504", " 529" })
        if ((words + " ").find(std::string(code) + " ") != std::string::npos)
            return true;
    for (const char* cue : { "overload", "capacity", "temporarily", "try again", "rate limit", "rate_limit",
             "server_error", "unavailable", "timeout", "timed out" })
        if (words.find(cue) != std::string::npos)
            return true;
    return false;
}

Failure describe(const nlohmann::json& error, const char* where, const std::string& url, const BackendProfile& profile,
    const std::string& apiKey)
{
    const std::string said = redact(text::trimmed(messageOf(error).substr(0, kMaxQuoted)), apiKey);
    const bool transient = isTransient(error);
    std::string message = std::string(where) + " from " + profile.effectiveBaseUrl() + " carries an error";
    message += transient ? " (overloaded; retried)" : "";
    message += ": " + (said.empty() ? std::string("(no message)") : said);
    if (text::asciiLower(said).find("unexpected endpoint") != std::string::npos)
        message += " (check the base URL; LM Studio and most local servers serve …/v1)";
    return { transient ? FailureKind::Retry : FailureKind::Fatal, makeError(ErrorCode::Http, message, url) };
}

/// The `error` member of a parsed event or body, when it says anything.
const nlohmann::json* errorMember(const nlohmann::json& json)
{
    if (!json.is_object())
        return nullptr;
    const auto it = json.find("error");
    if (it == json.end() || it->is_null() || (it->is_object() && it->empty())
        || (it->is_string() && it->get_ref<const std::string&>().empty()))
        return nullptr;
    return &*it;
}

} // namespace

std::optional<Failure> describeBodyError(
    const std::string& body, const std::string& url, const BackendProfile& profile, const std::string& apiKey)
{
    const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    if (const nlohmann::json* error = errorMember(json))
        return describe(*error, "the 200 answer", url, profile, apiKey);
    return std::nullopt;
}

std::optional<Failure> describeStreamError(
    const std::string& raw, const std::string& url, const BackendProfile& profile, const std::string& apiKey)
{
    if (raw.find("error") == std::string::npos)
        return std::nullopt; // the common case costs one scan
    bool errorEvent = false;
    std::size_t start = 0;
    while (start < raw.size()) {
        std::size_t end = raw.find('\n', start);
        if (end == std::string::npos)
            end = raw.size();
        std::string_view line(raw.data() + start, end - start);
        start = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.substr(0, 6) == "event:") {
            errorEvent = text::trimmed(line.substr(6)) == "error";
            continue;
        }
        if (line.substr(0, 5) != "data:")
            continue;
        const nlohmann::json event = nlohmann::json::parse(line.substr(5), nullptr, false);
        if (const nlohmann::json* error = errorMember(event))
            return describe(*error, "the stream", url, profile, apiKey);
        if (errorEvent && !event.is_discarded())
            return describe(event, "the stream", url, profile, apiKey);
    }
    return std::nullopt;
}

} // namespace wb::llm
