// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wb {

/// Deepest nesting of objects and arrays the parser accepts; deeper documents are an error, not a deep
/// recursion in whoever walks or prints the result.
inline constexpr int kMaxJsonDepth = 256;

/// Why a JSON text did not parse, with the position inside that text (line and column count from 1).
struct JsonParseError {
    std::uint64_t line = 1;
    std::uint64_t column = 1;
    std::string message; ///< nlohmann's reason without its "[json.exception...]" prefix and position
};

/// Parses `text`; never throws. Every failure (syntax, a number outside the double range, too deep) fills
/// `error` and returns nullopt.
std::optional<nlohmann::json> tryParseJson(std::string_view text, JsonParseError& error, int maxDepth = kMaxJsonDepth);

/// Parses `text`; never throws. The error's location is "source:line:column".
Result<nlohmann::json> parseJson(std::string_view text, const std::string& source, int maxDepth = kMaxJsonDepth);

/// Byte offset of the bracket that opens nesting level `maxDepth + 1`, or npos when the nesting stays within it.
std::size_t jsonNestingExceededAt(std::string_view text, int maxDepth);

/// An integral number that fits an int64: JSON integers, and floats with an integral value in range ("3.0").
/// Anything else (a fraction, 1e308, a string) is an InvalidInput error naming `field`.
Result<std::int64_t> jsonToInt64(const nlohmann::json& value, const std::string& field);
/// As jsonToInt64, for an int.
Result<int> jsonToInt(const nlohmann::json& value, const std::string& field);
/// A finite number; a non-number is an InvalidInput error naming `field`.
Result<double> jsonToDouble(const nlohmann::json& value, const std::string& field);

} // namespace wb
