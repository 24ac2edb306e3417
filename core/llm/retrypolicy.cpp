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

std::optional<double> parseResetDuration(std::string_view value)
{
    const std::string v = text::trimmed(value);
    if (v.empty())
        return std::nullopt;
    double total = 0;
    const char* p = v.c_str();
    const char* const end = p + v.size();
    while (p < end) {
        char* after = nullptr;
        const double number = std::strtod(p, &after);
        if (after == p || !std::isfinite(number) || number < 0)
            return std::nullopt;
        p = after;
        if (p == end) {
            total += number; // a bare number is seconds
            break;
        }
        if (*p == 'm' && p + 1 < end && p[1] == 's') {
            total += number / 1000;
            p += 2;
        } else if (*p == 'h' || *p == 'm' || *p == 's') {
            total += number * (*p == 'h' ? 3600 : *p == 'm' ? 60 : 1);
            ++p;
        } else {
            return std::nullopt;
        }
    }
    return total;
}

bool RateLimitHeaders::take(std::string_view lowerName, std::string_view value)
{
    const auto count = [&]() -> std::optional<long long> {
        const std::string v = text::trimmed(value);
        long long n = 0;
        const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || ptr != v.data() + v.size() || n < 0)
            return std::nullopt;
        return n;
    };
    if (lowerName == "x-ratelimit-remaining-requests")
        remainingRequests = count();
    else if (lowerName == "x-ratelimit-remaining-tokens")
        remainingTokens = count();
    else if (lowerName == "x-ratelimit-reset-requests")
        resetRequestsS = parseResetDuration(value);
    else if (lowerName == "x-ratelimit-reset-tokens")
        resetTokensS = parseResetDuration(value);
    else
        return false;
    return true;
}

std::optional<double> RateLimitHeaders::exhaustedForS() const
{
    std::optional<double> wait;
    if (remainingRequests == 0 && resetRequestsS)
        wait = resetRequestsS;
    if (remainingTokens == 0 && resetTokensS)
        wait = std::max(wait.value_or(0.0), *resetTokensS);
    return wait;
}

double backoffDelayS(int retry, double baseS, double capS, std::mt19937_64& rng)
{
    const double exponential = baseS * std::pow(2.0, std::max(0, retry - 1));
    const double ceiling = std::min(capS, exponential);
    std::uniform_real_distribution<double> jitter(0.0, ceiling / 2);
    return ceiling / 2 + jitter(rng);
}

} // namespace wb::llm
