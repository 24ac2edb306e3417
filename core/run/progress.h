// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace wb::run {

/// Snapshot of a run's progress, delivered to observers (GUI, CLI) as a plain value.
struct Progress {
    std::uint64_t totalCalls = 0; ///< planned calls of the whole run
    std::uint64_t doneCalls = 0; ///< calls whose response is committed (including earlier sessions)
    std::uint64_t resumedCalls = 0; ///< of doneCalls: found already stored when this session started
    std::uint64_t cachedCalls = 0; ///< of doneCalls: answered from the response cache this session
    std::uint64_t failedCalls = 0; ///< calls that finally failed this session
    std::uint64_t inFlight = 0; ///< calls submitted and not yet answered
    std::uint64_t totalProblems = 0;
    std::uint64_t doneProblems = 0; ///< problems with a stored result (correct, wrong, no answer or error)
    std::uint64_t failedProblems = 0; ///< of doneProblems this session: recorded with an error
    std::uint64_t unansweredProblems = 0; ///< of doneProblems this session: recorded without an answer
    std::uint64_t promptTokens = 0; ///< this session
    std::uint64_t completionTokens = 0;
    double elapsedSeconds = 0.0; ///< this session
    double callsPerSecond = 0.0; ///< calls finished this session / elapsed
    double etaSeconds = -1.0; ///< remaining calls / rate; negative when unknown
    std::string lastError; ///< most recent call error (endpoint and message)
    bool finished = false; ///< final snapshot

    /// One line for a terminal: "calls 120/300 (40%)  problems 35/100  4.1 calls/s  tokens 51234  errors 2  ETA 44s".
    std::string toLine() const;
};

using ProgressObserver = std::function<void(const Progress&)>;

/// Keeps the counters and derives rate and ETA. Time is passed in by the caller so the arithmetic is testable.
class ProgressMeter {
public:
    void start(double nowSeconds);
    Progress& counters() { return m_progress; }
    /// Fills elapsed, rate and ETA for `nowSeconds` and returns the snapshot.
    Progress snapshot(double nowSeconds);
    /// True when an observer should be told: at most every `intervalSeconds` unless `force`.
    bool due(double nowSeconds, double intervalSeconds);

private:
    Progress m_progress;
    double m_start = 0.0;
    double m_lastReport = -1.0;
};

/// Formats seconds as "45s", "12m05s", "3h02m".
std::string formatDuration(double seconds);

} // namespace wb::run
