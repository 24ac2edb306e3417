// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/method/method.h"
#include "core/method/methodvalidation.h"

#include <nlohmann/json.hpp>

#include <string>

namespace wb::method {

/// Reads the method file format (docs/methods.md). Unknown keys are errors so that typos do not pass silently.
/// A method that reads but does not validate fails with its first MethodIssue (validateMethod()).
/// The Error's location is "<source>: <field>" (with " @ offset N" for template errors); Error::field is the
/// field path alone.
Result<Method> methodFromJson(const nlohmann::json& json, const std::string& source);
/// Parses JSON text (syntax errors name the source and byte position).
Result<Method> parseMethod(const std::string& text, const std::string& source);
Result<Method> loadMethodFile(const std::string& path);

/// The full method in the file format, every default spelled out. Keys are sorted (nlohmann's object order).
nlohmann::json methodToJson(const Method& method);
/// Compact, key-sorted JSON of methodToJson() without the display order: two files that define the same method
/// give the same text.
std::string canonicalMethodJson(const Method& method);
/// sha256 (hex) of canonicalMethodJson.
std::string methodSha256(const Method& method);

} // namespace wb::method
