// SPDX-License-Identifier: Apache-2.0
#include "core/llm/parameterrules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <string_view>

namespace wb::llm {

namespace {

/// Parameters that only tune sampling: a model that refuses them answers the same request at its defaults.
constexpr std::array<std::string_view, 11> kDroppable = { "temperature", "top_p", "presence_penalty",
    "frequency_penalty", "logprobs", "top_logprobs", "logit_bias", "seed", "top_k", "min_p", "repetition_penalty" };

std::optional<std::string> firstQuoted(const std::string& message)
{
    const std::size_t open = message.find('\'');
    if (open == std::string::npos)
        return std::nullopt;
    const std::size_t close = message.find('\'', open + 1);
    if (close == std::string::npos || close == open + 1)
        return std::nullopt;
    return message.substr(open + 1, close - open - 1);
}

} // namespace

std::optional<std::string> rejectedParameter(long status, const std::string& body)
{
    if (status != 400)
        return std::nullopt;
    const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object() || !json.contains("error") || !json["error"].is_object())
        return std::nullopt;
    const nlohmann::json& error = json["error"];
    const auto text = [&error](const char* key) {
        const auto it = error.find(key);
        return it != error.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string code = text("code");
    const std::string message = text("message");
    const bool unsupported = code == "unsupported_parameter" || code == "unsupported_value"
        || message.rfind("Unsupported parameter", 0) == 0 || message.rfind("Unsupported value", 0) == 0;
    if (!unsupported)
        return std::nullopt;
    if (std::string param = text("param"); !param.empty())
        return param;
    return firstQuoted(message);
}

bool learnRejection(BackendProfile& profile, const std::string& parameter)
{
    if (parameter == "max_tokens") {
        if (profile.maxCompletionTokens || profile.reasoningModel)
            return false;
        profile.maxCompletionTokens = true;
        return true;
    }
    if (std::find(kDroppable.begin(), kDroppable.end(), parameter) == kDroppable.end())
        return false;
    if (std::find(profile.omitParams.begin(), profile.omitParams.end(), parameter) != profile.omitParams.end())
        return false;
    profile.omitParams.push_back(parameter);
    std::sort(profile.omitParams.begin(), profile.omitParams.end());
    return true;
}

} // namespace wb::llm
