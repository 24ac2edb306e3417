// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace wb::dataset {

/// Parses one JSON value that is plain and well formed, several times faster than nlohmann's own lexer on the
/// string-heavy records of math datasets. It accepts a strict subset of JSON and returns false on anything else
/// (syntax errors, nesting deeper than `maxDepth`, integers that overflow 64 bits): the caller then hands the
/// text to nlohmann, which either parses it or names the error precisely. Expects valid UTF-8.
bool parseJsonFast(std::string_view text, nlohmann::json& out, int maxDepth);

} // namespace wb::dataset
