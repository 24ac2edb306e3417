// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/method/method.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace wb::method {

/// One validation finding, named by field path ("steps[1].messages[0].template") and, for templates, the byte
/// offset inside that template (npos otherwise).
struct MethodIssue {
    std::string field;
    std::size_t offset = std::string::npos;
    std::size_t length = 0;
    std::string message;
    std::string toString() const;
};

/// Every problem of a method: ids, kinds, roles, decoding ranges, extractor names, demo spec and each
/// template (unknown variables, unclosed braces, {{candidate}} outside the verify step). Empty = valid.
std::vector<MethodIssue> validateMethod(const Method& method);

/// Reads the method file format (docs/methods.md). Unknown keys are errors so that typos do not pass silently.
/// The Error's location is "<source>: <field>" (with " @ offset N" for template errors).
Result<Method> methodFromJson(const nlohmann::json& json, const std::string& source);
/// Parses JSON text (syntax errors name the source and byte position).
Result<Method> parseMethod(const std::string& text, const std::string& source);
Result<Method> loadMethodFile(const std::string& path);

/// The full method in the file format, every default spelled out. Keys are sorted (nlohmann's object order),
/// so dump() of it is the canonical form.
nlohmann::json methodToJson(const Method& method);
/// Compact, key-sorted JSON: two files that define the same method give the same text.
std::string canonicalMethodJson(const Method& method);
/// sha256 (hex) of canonicalMethodJson.
std::string methodSha256(const Method& method);

/// Folder of the shipped methods: <exe>/../share/i3c-workbench/methods when installed, else the source
/// tree's resources/methods (fixed at build time), else /usr/share/i3c-workbench/methods.
std::string defaultMethodsDir();
/// Loads every *.json directly inside `dir` (sorted by file name). Any invalid file is an error naming it.
Result<std::vector<Method>> loadMethodsFromDir(const std::string& dir);
/// Loads the shipped methods from `dir` (defaultMethodsDir() when empty) and orders them as in the paper's
/// Table 1: each baseline followed by its "+ I3C" variant, I3C-Select last.
Result<std::vector<Method>> loadBuiltinMethods(const std::string& dir = {});

} // namespace wb::method
