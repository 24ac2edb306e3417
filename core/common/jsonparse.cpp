// SPDX-License-Identifier: Apache-2.0
#include "core/common/jsonparse.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wb {

namespace {

/// nlohmann's DOM builder, keeping the position and message of the first error instead of throwing it.
class RecordingDomParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
public:
    explicit RecordingDomParser(nlohmann::json& out)
        : json_sax_dom_parser(out, false)
    {
    }

    template <class Exception> bool parse_error(std::size_t position, const std::string&, const Exception& ex)
    {
        failed = true;
        bytePosition = position;
        what = ex.what();
        return false;
    }

    bool failed = false;
    std::size_t bytePosition = 0;
    std::string what;
};

/// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> "syntax error ...".
std::string reasonOnly(const std::string& what)
{
    std::string reason = what;
    if (const std::size_t bracket = reason.find("] ");
        reason.rfind("[json.exception", 0) == 0 && bracket != std::string::npos)
        reason = reason.substr(bracket + 2);
    if (reason.rfind("parse error", 0) == 0) {
        if (const std::size_t colon = reason.find(": "); colon != std::string::npos)
            reason = reason.substr(colon + 2);
    }
    return reason;
}

void setPosition(std::string_view text, std::size_t byte, JsonParseError& error)
{
    const std::size_t upTo = std::min(byte, text.size());
    error.line = 1;
    error.column = 1;
    for (std::size_t k = 0; k < upTo; ++k) {
        if (text[k] == '\n') {
            ++error.line;
            error.column = 1;
        } else {
            ++error.column;
        }
    }
}

Error notIntegral(const nlohmann::json& value, const std::string& field, const char* range)
{
    return makeFieldError(ErrorCode::InvalidInput, field,
        "'" + field + "' must be an integer within the " + range + " range, got " + value.dump());
}

} // namespace

std::size_t jsonNestingExceededAt(std::string_view text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return k;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return std::string_view::npos;
}

std::optional<nlohmann::json> tryParseJson(std::string_view text, JsonParseError& error, int maxDepth)
{
    if (const std::size_t deep = jsonNestingExceededAt(text, maxDepth); deep != std::string_view::npos) {
        setPosition(text, deep, error);
        error.message = "JSON nested deeper than " + std::to_string(maxDepth) + " levels";
        return std::nullopt;
    }
    try {
        nlohmann::json out;
        RecordingDomParser sax(out);
        const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
        if (ok && !sax.failed)
            return out;
        setPosition(text, sax.bytePosition > 0 ? sax.bytePosition - 1 : 0, error);
        error.message = sax.failed ? reasonOnly(sax.what) : "invalid JSON";
    } catch (const std::exception& e) {
        // Whatever nlohmann (or the allocator) throws beyond the parse errors it reports through the handler.
        error.message = reasonOnly(e.what());
    }
    return std::nullopt;
}

Result<nlohmann::json> parseJson(std::string_view text, const std::string& source, int maxDepth)
{
    JsonParseError error;
    if (auto parsed = tryParseJson(text, error, maxDepth))
        return std::move(*parsed);
    return makeError(ErrorCode::InvalidInput, "invalid JSON: " + error.message,
        source + ":" + std::to_string(error.line) + ":" + std::to_string(error.column));
}

Result<std::int64_t> jsonToInt64(const nlohmann::json& value, const std::string& field)
{
    if (value.is_number_integer() && !value.is_number_unsigned())
        return value.get<std::int64_t>();
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return notIntegral(value, field, "int64");
        return static_cast<std::int64_t>(u);
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        // 2^63 itself is not representable in int64, hence the strict upper bound.
        if (!std::isfinite(d) || std::floor(d) != d || d < -9223372036854775808.0 || d >= 9223372036854775808.0)
            return notIntegral(value, field, "int64");
        return static_cast<std::int64_t>(d);
    }
    return notIntegral(value, field, "int64");
}

Result<int> jsonToInt(const nlohmann::json& value, const std::string& field)
{
    auto wide = jsonToInt64(value, field);
    if (!wide || *wide < std::numeric_limits<int>::min() || *wide > std::numeric_limits<int>::max())
        return notIntegral(value, field, "int");
    return static_cast<int>(*wide);
}

Result<double> jsonToDouble(const nlohmann::json& value, const std::string& field)
{
    if (!value.is_number() || !std::isfinite(value.get<double>()))
        return makeFieldError(
            ErrorCode::InvalidInput, field, "'" + field + "' must be a finite number, got " + value.dump());
    return value.get<double>();
}

} // namespace wb
