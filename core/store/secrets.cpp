// SPDX-License-Identifier: Apache-2.0
#include "core/store/secrets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace wb::store {

namespace {

std::string normalised(std::string_view name)
{
    std::string out;
    out.reserve(name.size());
    for (const char c : name) {
        if (c == '_' || c == '-' || c == ' ' || c == '.')
            continue;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool looksLikeBearer(const std::string& value)
{
    constexpr std::string_view kPrefix = "bearer ";
    if (value.size() < kPrefix.size())
        return false;
    return std::equal(kPrefix.begin(), kPrefix.end(), value.begin(),
        [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

bool isBearerValue(const nlohmann::json& node)
{
    return node.is_string() && looksLikeBearer(node.get_ref<const std::string&>());
}

// Returns true when anything was removed.
bool strip(nlohmann::json& node)
{
    bool removed = false;
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end();) {
            if (isCredentialField(it.key()) || isBearerValue(*it)) {
                it = node.erase(it);
                removed = true;
            } else {
                removed = strip(*it) || removed;
                ++it;
            }
        }
    } else if (node.is_array()) {
        for (auto& item : node)
            removed = strip(item) || removed;
        const auto kept = std::remove_if(node.begin(), node.end(), isBearerValue);
        removed = removed || kept != node.end();
        node.erase(kept, node.end());
    }
    return removed;
}

} // namespace

bool isCredentialField(std::string_view name)
{
    const std::string n = normalised(name);
    if (endsWith(n, "env") || endsWith(n, "envvar") || endsWith(n, "envname"))
        return false;
    static constexpr std::array<std::string_view, 9> kExact = {
        "key",
        "token",
        "auth",
        "bearer",
        "cookie",
        "credential",
        "credentials",
        "passwd",
        "pwd",
    };
    if (std::find(kExact.begin(), kExact.end(), n) != kExact.end())
        return true;
    static constexpr std::array<std::string_view, 7> kContained = {
        "apikey",
        "authorization",
        "secret",
        "password",
        "accesstoken",
        "bearertoken",
        "privatekey",
    };
    return std::any_of(
        kContained.begin(), kContained.end(), [&](std::string_view part) { return n.find(part) != std::string::npos; });
}

Result<std::string> stripCredentials(std::string_view json, std::string_view field)
{
    nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded())
        return makeError(
            ErrorCode::InvalidInput, "not valid JSON; it cannot be checked for credentials", std::string(field));
    if (!strip(doc))
        return std::string(json); // unchanged: keep the caller's exact bytes (they may be hashed)
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace wb::store
