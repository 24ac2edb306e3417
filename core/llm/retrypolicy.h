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

/// Back-off before retry number `retry` (1-based): exponential from `baseS`, capped at `capS`, with "equal
/// jitter" (half fixed, half uniform) so that retries after a burst of failures spread out but never collapse to 0.
double backoffDelayS(int retry, double baseS, double capS, std::mt19937_64& rng);

} // namespace wb::llm
