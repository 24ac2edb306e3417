// SPDX-License-Identifier: Apache-2.0
#include "core/llm/retrypolicy.h"

#include "core/common/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <time.h>

namespace wb::llm {

std::optional<double> parseRetryAfter(std::string_view value, std::time_t now)
{
    const std::string v = text::trimmed(value);
    if (v.empty())
        return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(v.front()))) {
        char* end = nullptr;
        const double seconds = std::strtod(v.c_str(), &end);
        if (end != v.c_str() + v.size() || !std::isfinite(seconds) || seconds < 0)
            return std::nullopt;
        return seconds;
    }
    // RFC 9110 prefers IMF-fixdate; the obsolete RFC 850 and asctime forms are accepted as well.
    static const char* const kFormats[]
        = { "%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %d %H:%M:%S %Y" };
    for (const char* format : kFormats) {
        std::tm tm {};
        const char* end = strptime(v.c_str(), format, &tm);
        if (end && *end == '\0') {
            const std::time_t at = timegm(&tm);
            return std::max(0.0, std::difftime(at, now));
        }
    }
    return std::nullopt;
}

double backoffDelayS(int retry, double baseS, double capS, std::mt19937_64& rng)
{
    const double exponential = baseS * std::pow(2.0, std::max(0, retry - 1));
    const double ceiling = std::min(capS, exponential);
    std::uniform_real_distribution<double> jitter(0.0, ceiling / 2);
    return ceiling / 2 + jitter(rng);
}

} // namespace wb::llm
