// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/loader.h"

#include "core/common/text.h"

#include <charconv>
#include <cmath>

namespace wb::dataset {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// A plain decimal: digits with optional thousands commas, an optional fraction part and exponent.
std::optional<double> parseDecimal(std::string_view s)
{
    std::string cleaned;
    cleaned.reserve(s.size());
    bool digitSeen = false;
    bool pointSeen = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ',') {
            // a separator sits between digits of the integer part ("2,125"), never at an edge
            if (pointSeen || !digitSeen || i + 1 >= s.size() || !isDigit(s[i + 1]))
                return std::nullopt;
            continue;
        }
        if (c == '.')
            pointSeen = true;
        if (isDigit(c))
            digitSeen = true;
        cleaned += c;
    }
    if (!digitSeen)
        return std::nullopt;
    double value = 0;
    const char* begin = cleaned.data();
    const char* end = begin + cleaned.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<double> parseFraction(std::string_view s)
{
    const std::size_t slash = s.find('/');
    if (slash == std::string_view::npos)
        return parseDecimal(s);
    const auto numerator = parseDecimal(text::trim(s.substr(0, slash)));
    const auto denominator = parseDecimal(text::trim(s.substr(slash + 1)));
    if (!numerator || !denominator || *denominator == 0)
        return std::nullopt;
    return *numerator / *denominator;
}

} // namespace

std::optional<double> parseNumericAnswer(std::string_view input)
{
    std::string_view s = text::trim(input);
    bool negative = false;
    // sign and currency in either order: "-$5", "$-5", "−5" (U+2212 minus)
    for (int round = 0; round < 2 && !s.empty(); ++round) {
        if (s.front() == '-' || s.front() == '+') {
            negative = s.front() == '-' ? !negative : negative;
            s = text::trim(s.substr(1));
        } else if (text::startsWith(s, "\xE2\x88\x92")) {
            negative = !negative;
            s = text::trim(s.substr(3));
        }
        if (!s.empty() && s.front() == '$')
            s = text::trim(s.substr(1));
    }
    if (!s.empty() && s.back() == '.')
        s.remove_suffix(1); // a sentence-final period: "18."
    if (s.empty())
        return std::nullopt;

    std::optional<double> value;
    const std::size_t space = s.find(' ');
    if (space != std::string_view::npos) {
        // mixed number "1 1/2": a whole part, blank space, then a proper fraction
        const std::string_view whole = s.substr(0, space);
        const std::string_view rest = text::trim(s.substr(space + 1));
        if (rest.find('/') == std::string_view::npos || rest.find(' ') != std::string_view::npos)
            return std::nullopt;
        const auto w = parseDecimal(whole);
        const auto f = parseFraction(rest);
        if (!w || !f || *f < 0)
            return std::nullopt;
        value = *w + *f;
    } else {
        value = parseFraction(s);
    }
    if (!value)
        return std::nullopt;
    return negative ? -*value : *value;
}

} // namespace wb::dataset
