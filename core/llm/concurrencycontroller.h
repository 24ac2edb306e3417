// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>

namespace wb::llm {

/// Additive-increase/multiplicative-decrease limit on transfers in flight for one backend.
/// A 429 halves the limit (at most once per burst: only a request sent after the last cut can cut again);
/// every `limit` successes in a row raise it by one, back up to the configured maximum.
/// Not thread-safe: only the client's event loop uses it.
class ConcurrencyController {
public:
    using Clock = std::chrono::steady_clock;

    explicit ConcurrencyController(int maximum);

    int limit() const { return m_limit; }
    int maximum() const { return m_maximum; }
    /// The lowest limit reached so far.
    int floorReached() const { return m_floor; }

    void onRateLimited(Clock::time_point requestSentAt);
    void onSuccess();
    /// x-ratelimit-remaining-requests: never keep more transfers in flight than the window has requests left,
    /// so the limit is met with a pause instead of a burst of 429s. (Additive increase resumes afterwards.)
    void onRemainingRequests(long long remaining);

private:
    int m_maximum;
    int m_limit;
    int m_floor;
    int m_successes = 0;
    Clock::time_point m_lastCut {};
};

} // namespace wb::llm
