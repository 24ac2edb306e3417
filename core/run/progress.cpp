// SPDX-License-Identifier: Apache-2.0
#include "core/run/progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace wb::run {

std::string formatDuration(double seconds)
{
    if (!(seconds >= 0))
        return "?";
    const long long s = std::llround(seconds);
    char buffer[32];
    if (s < 60)
        std::snprintf(buffer, sizeof buffer, "%llds", s);
    else if (s < 3600)
        std::snprintf(buffer, sizeof buffer, "%lldm%02llds", s / 60, s % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%lldh%02lldm", s / 3600, (s % 3600) / 60);
    return buffer;
}

std::string Progress::toLine() const
{
    const double percent = totalCalls ? 100.0 * double(doneCalls) / double(totalCalls) : 0.0;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
        "calls %llu/%llu (%.0f%%)  problems %llu/%llu  %.1f calls/s  tokens %llu  errors %llu",
        static_cast<unsigned long long>(doneCalls), static_cast<unsigned long long>(totalCalls), percent,
        static_cast<unsigned long long>(doneProblems), static_cast<unsigned long long>(totalProblems), callsPerSecond,
        static_cast<unsigned long long>(promptTokens + completionTokens), static_cast<unsigned long long>(failedCalls));
    std::string line = buffer;
    if (unansweredProblems)
        line += "  no answer " + std::to_string(unansweredProblems);
    if (!finished && etaSeconds >= 0)
        line += "  ETA " + formatDuration(etaSeconds);
    return line;
}

void ProgressMeter::start(double nowSeconds)
{
    m_start = nowSeconds;
    m_lastReport = -1.0;
}

Progress ProgressMeter::snapshot(double nowSeconds)
{
    Progress& p = m_progress;
    p.elapsedSeconds = std::max(0.0, nowSeconds - m_start);
    // Only calls actually answered this session measure throughput; resumed ones came for free.
    const std::uint64_t sessionCalls = p.doneCalls - p.resumedCalls + p.failedCalls;
    p.callsPerSecond = p.elapsedSeconds > 0 ? double(sessionCalls) / p.elapsedSeconds : 0.0;
    const std::uint64_t remaining
        = p.totalCalls > p.doneCalls + p.failedCalls ? p.totalCalls - p.doneCalls - p.failedCalls : 0;
    if (remaining == 0)
        p.etaSeconds = 0.0;
    else
        p.etaSeconds = p.callsPerSecond > 0 ? double(remaining) / p.callsPerSecond : -1.0;
    return p;
}

bool ProgressMeter::due(double nowSeconds, double intervalSeconds)
{
    if (m_lastReport >= 0 && nowSeconds - m_lastReport < intervalSeconds)
        return false;
    m_lastReport = nowSeconds;
    return true;
}

} // namespace wb::run
