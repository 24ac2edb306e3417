// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace wb::method {

/// Parses JSON text; never throws. An error (syntax, a number beyond the double range) names "source:line:column".
Result<nlohmann::json> parseJsonText(const std::string& text, const std::string& source);
/// Reads and parses a JSON file; `what` names the kind of file in the "cannot open" error.
Result<nlohmann::json> readJsonFile(const std::string& path, const std::string& what);

} // namespace wb::method
