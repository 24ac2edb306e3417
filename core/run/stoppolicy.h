// SPDX-License-Identifier: Apache-2.0
// Internal to core/run: when a run session stops submitting and when it aborts the calls still in flight.
#pragma once

#include "core/common/result.h"

#include <cstddef>
#include <optional>

namespace wb::run {

/// The stopping rules of one execute() session, with time passed in so that they are testable:
/// - after a cancel, calls already sent get `graceSeconds` to deliver their (paid-for) responses, then they are
///   aborted; a grace of 0 aborts at once;
/// - a fatal error aborts at once, also during a grace that a cancel started;
/// - `failureLimit` calls in a row that finally failed make a fatal error (a backend that is down or rejects
///   every call would otherwise turn each remaining problem into a recorded error); the run stays resumable.
class StopPolicy {
public:
    StopPolicy(double graceSeconds, std::size_t failureLimit);

    /// RunnerOptions::failuresInARowLimit resolved: `configured`, or max(20, 3 × concurrency) when it is 0.
    static std::size_t failureLimitFor(std::size_t configured, std::size_t concurrency);

    std::size_t failureLimit() const { return m_failureLimit; }
    std::size_t failuresInARow() const { return m_failuresInARow; }

    /// A call delivered its response: the series of failures ends.
    void onCallSucceeded();
    /// A call finally failed (a cancelled call is neither a success nor a failure).
    void onCallFailed(const Error& error);
    /// Set once `failureLimit` calls in a row failed, and from then on: the error to stop the run with, naming
    /// the count and the latest failure. A later success does not clear it.
    const std::optional<Error>& failureStop() const { return m_failureStop; }

    /// Asked once per scheduling round. True exactly once, when the calls in flight are to be aborted now:
    /// at once when `fatal`, else when `cancelled` has lasted `graceSeconds` (counted from the first round that
    /// saw the stop).
    bool abortDue(bool fatal, bool cancelled, double nowSeconds);
    bool aborted() const { return m_aborted; }

private:
    double m_graceSeconds;
    std::size_t m_failureLimit;
    std::size_t m_failuresInARow = 0;
    std::optional<Error> m_failureStop;
    std::optional<double> m_stopSeen;
    bool m_aborted = false;
};

} // namespace wb::run
