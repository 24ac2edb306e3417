// SPDX-License-Identifier: Apache-2.0
#include "app/cli/args.h"

#include <charconv>
#include <cstdlib>

namespace wb::cli {

Result<Args> Args::parse(const std::vector<std::string>& args, const std::set<std::string>& valueOptions,
    const std::set<std::string>& switches)
{
    Args parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() > 2 && arg.compare(0, 2, "--") == 0) {
            std::string name = arg.substr(2);
            std::optional<std::string> inlineValue;
            if (const auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name.resize(eq);
            }
            if (valueOptions.count(name)) {
                if (inlineValue) {
                    parsed.m_values[name] = *inlineValue;
                } else if (i + 1 < args.size()) {
                    parsed.m_values[name] = args[++i];
                } else {
                    return makeError(ErrorCode::Usage, "option --" + name + " needs a value");
                }
            } else if (switches.count(name) && !inlineValue) {
                parsed.m_switches.insert(name);
            } else {
                return makeError(ErrorCode::Usage, "unknown option --" + name);
            }
        } else {
            parsed.m_positionals.push_back(arg);
        }
    }
    return parsed;
}

bool Args::has(const std::string& name) const { return m_switches.count(name) || m_values.count(name); }

std::optional<std::string> Args::value(const std::string& name) const
{
    if (const auto it = m_values.find(name); it != m_values.end())
        return it->second;
    return std::nullopt;
}

std::string Args::valueOr(const std::string& name, const std::string& fallback) const
{
    return value(name).value_or(fallback);
}

Result<long long> Args::integer(const std::string& name, long long fallback) const
{
    const auto text = value(name);
    if (!text)
        return fallback;
    long long out = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), out);
    if (ec != std::errc() || end != text->data() + text->size())
        return makeError(ErrorCode::Usage, "option --" + name + " expects a whole number, got '" + *text + "'");
    return out;
}

Result<double> Args::number(const std::string& name, double fallback) const
{
    const auto text = value(name);
    if (!text)
        return fallback;
    char* end = nullptr;
    const double out = std::strtod(text->c_str(), &end);
    if (text->empty() || end != text->c_str() + text->size())
        return makeError(ErrorCode::Usage, "option --" + name + " expects a number, got '" + *text + "'");
    return out;
}

} // namespace wb::cli
