// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace wb::cli {

/// Parsed command line of one command: `--flag`, `--key value`, `--key=value` and positionals.
/// Each command declares which options take a value and which are switches; anything else is a usage error.
class Args {
public:
    static Result<Args> parse(const std::vector<std::string>& args, const std::set<std::string>& valueOptions,
        const std::set<std::string>& switches);

    bool has(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    std::string valueOr(const std::string& name, const std::string& fallback) const;
    /// Integer/float options; a malformed number is a usage error naming the option.
    Result<long long> integer(const std::string& name, long long fallback) const;
    Result<double> number(const std::string& name, double fallback) const;
    const std::vector<std::string>& positionals() const { return m_positionals; }

private:
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_switches;
    std::vector<std::string> m_positionals;
};

} // namespace wb::cli
