// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <random>
#include <string_view>

namespace wb::llm {

/// Seconds to wait according to a Retry-After header value: delta-seconds ("7", also "1.5") or an HTTP date
/// ("Wed, 21 Oct 2015 07:28:00 GMT"), relative to `now`. A date in the past gives 0; junk gives nullopt.
std::optional<double> parseRetryAfter(std::string_view value, std::time_t now);

/// Seconds in an x-ratelimit-reset-* value: Go-style durations as OpenAI and Groq send them ("1s", "6m0s",
/// "2m59.56s", "20ms", "1h2m"), or plain seconds ("7.66"). Junk gives nullopt.
std::optional<double> parseResetDuration(std::string_view value);

/// What the x-ratelimit-* headers of one answer say (OpenAI, Groq, Azure, OpenRouter send them; Groq's
/// -requests are per day, its -tokens per minute).
struct RateLimitHeaders {
    std::optional<long long> remainingRequests;
    std::optional<long long> remainingTokens;
    std::optional<double> resetRequestsS;
    std::optional<double> resetTokensS;

    /// Stores `value` when `lowerName` is one of the four headers; false otherwise.
    bool take(std::string_view lowerName, std::string_view value);
    bool any() const { return remainingRequests || remainingTokens || resetRequestsS || resetTokensS; }
    /// How long until the budget that is used up (remaining 0) refills; nullopt when none is used up.
    std::optional<double> exhaustedForS() const;
};

/// Back-off before retry number `retry` (1-based): exponential from `baseS`, capped at `capS`, with "equal
/// jitter" (half fixed, half uniform) so that retries after a burst of failures spread out but never collapse to 0.
double backoffDelayS(int retry, double baseS, double capS, std::mt19937_64& rng);

} // namespace wb::llm
