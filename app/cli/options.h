// SPDX-License-Identifier: Apache-2.0
// Declaration helpers for the options several commands share, and the value names the help shows.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace wb::cli {

/// Value names of numeric options: CLI11 converts these, so a malformed value is a usage error naming the option.
inline constexpr const char* kWholeNumber = "N";
inline constexpr const char* kNumber = "X";
inline constexpr const char* kSeconds = "SECONDS";

/// Whether an option with this value name takes a number (the command line tests feed each one a non-number).
bool isNumericValueName(const std::string& valueName);

/// Rejects an empty value, which CLI11 would otherwise turn into the number's default.
const CLI::Validator& nonEmptyNumber();

/// A numeric option shown as `valueName` (kWholeNumber, kNumber, kSeconds); CLI11 converts the value.
template <typename T>
CLI::Option* addNumber(
    CLI::App& app, const std::string& name, T& target, const char* valueName, const std::string& description)
{
    return app.add_option(name, target, description)->type_name(valueName)->check(nonEmptyNumber());
}

/// A numeric option whose absence matters (no default is sent, e.g. --temperature): `target` is set only when
/// given.
template <typename T>
CLI::Option* addOptionalNumber(CLI::App& app, const std::string& name, std::optional<T>& target, const char* valueName,
    const std::string& description)
{
    return app
        .add_option_function<T>(
            name, [&target](const T& value) { target = value; }, description)
        ->type_name(valueName)
        ->check(nonEmptyNumber());
}

/// A positional argument, shown by its name alone (FILE, RUN); an absent one stays empty, so that each command
/// says in its own words what it takes.
CLI::Option* addPositional(CLI::App& app, const std::string& name, std::string& target, const std::string& description);
/// --db FILE, defaulting to `fallback`.
void declareDatabase(CLI::App& app, std::string& path, const std::string& fallback);
/// --encoder builtin|URL and --embedding-model M.
void declareEncoder(CLI::App& app, std::string& encoder, std::string& embeddingModel);
/// --theta X, the candidate threshold, with its current value as the default.
void declareTheta(CLI::App& app, double& theta);
/// --api-key-env VAR, with its current value (if any) as the default.
void declareApiKeyEnv(CLI::App& app, std::string& variable);
/// --json, with what it writes.
void declareJson(CLI::App& app, bool& json, const std::string& what);

} // namespace wb::cli
