// SPDX-License-Identifier: Apache-2.0
#include "core/run/batchjsonl.h"

#include <nlohmann/json.hpp>

#include <charconv>

namespace wb::run {
namespace {

constexpr std::string_view kCustomIdPrefix = "i3c:";

template <class T> bool parseInteger(std::string_view text, T& out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

} // namespace

std::string encodeCustomId(const BatchCallId& id)
{
    return std::string(kCustomIdPrefix) + std::to_string(id.runId) + ":" + std::to_string(id.problemIndex) + ":"
        + id.step;
}

Result<BatchCallId> decodeCustomId(std::string_view customId, const std::string& location)
{
    const auto bad = [&] {
        return makeError(ErrorCode::InvalidInput,
            "custom_id '" + std::string(customId) + "' is not of the form i3c:<run>:<problem>:<step>", location);
    };
    if (customId.substr(0, kCustomIdPrefix.size()) != kCustomIdPrefix)
        return bad();
    std::string_view rest = customId.substr(kCustomIdPrefix.size());
    const auto first = rest.find(':');
    if (first == std::string_view::npos)
        return bad();
    const auto second = rest.find(':', first + 1);
    if (second == std::string_view::npos || second + 1 >= rest.size())
        return bad();
    BatchCallId id;
    if (!parseInteger(rest.substr(0, first), id.runId)
        || !parseInteger(rest.substr(first + 1, second - first - 1), id.problemIndex))
        return bad();
    id.step = std::string(rest.substr(second + 1));
    return id;
}

Result<std::string> batchRequestLine(
    const BatchCallId& id, const std::string& canonicalBody, const std::string& endpoint)
{
    // The body is spliced in as text, not re-serialised, so the file carries byte-for-byte the request the
    // runner would have sent itself.
    if (!nlohmann::json::accept(canonicalBody))
        return makeError(ErrorCode::Internal, "request body is not valid JSON", encodeCustomId(id));
    const nlohmann::json head
        = { { "custom_id", encodeCustomId(id) }, { "method", "POST" }, { "url", "/v1/" + endpoint } };
    std::string line = head.dump();
    line.pop_back(); // drop the closing brace
    line += ",\"body\":" + canonicalBody + "}";
    return line;
}

Result<BatchOutputLine> parseBatchOutputLine(std::string_view line, const std::string& location)
{
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
        return makeError(ErrorCode::InvalidInput, std::string("not valid JSON: ") + e.what(), location);
    }
    if (!json.is_object() || !json.contains("custom_id") || !json["custom_id"].is_string())
        return makeError(ErrorCode::InvalidInput, "missing field custom_id", location);
    auto id = decodeCustomId(json["custom_id"].get<std::string>(), location);
    if (!id)
        return id.error();
    BatchOutputLine out;
    out.id = std::move(*id);
    if (const auto error = json.find("error"); error != json.end() && !error->is_null()) {
        out.error = error->is_object() && error->contains("message") && (*error)["message"].is_string()
            ? (*error)["message"].get<std::string>()
            : error->dump();
    }
    const auto response = json.find("response");
    const bool hasResponse = response != json.end() && response->is_object();
    if (!hasResponse && out.error.empty())
        return makeError(ErrorCode::InvalidInput, "missing field response (and no error)", location);
    if (hasResponse) {
        if (const auto status = response->find("status_code"); status != response->end() && status->is_number_integer())
            out.statusCode = status->get<int>();
        if (const auto body = response->find("body"); body != response->end() && !body->is_null())
            out.body = body->is_string() ? body->get<std::string>() : body->dump();
    }
    if (out.error.empty() && (out.statusCode < 200 || out.statusCode >= 300)) {
        out.error = "status " + std::to_string(out.statusCode);
        if (!out.body.empty())
            out.error += ": " + out.body.substr(0, 200);
    }
    if (out.error.empty() && out.body.empty())
        return makeError(ErrorCode::InvalidInput, "missing field response.body", location);
    return out;
}

} // namespace wb::run
