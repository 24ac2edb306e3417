// SPDX-License-Identifier: Apache-2.0
#include "core/run/stoppolicy.h"

#include <algorithm>
#include <string>

namespace wb::run {

StopPolicy::StopPolicy(double graceSeconds, std::size_t failureLimit)
    : m_graceSeconds(graceSeconds)
    , m_failureLimit(std::max<std::size_t>(1, failureLimit))
{
}

std::size_t StopPolicy::failureLimitFor(std::size_t configured, std::size_t concurrency)
{
    return configured ? configured : std::max<std::size_t>(20, 3 * concurrency);
}

void StopPolicy::onCallSucceeded() { m_failuresInARow = 0; }

void StopPolicy::onCallFailed(const Error& error)
{
    if (++m_failuresInARow < m_failureLimit)
        return;
    m_failureStop = makeError(error.code,
        "stopped after " + std::to_string(m_failuresInARow) + " calls in a row failed; last: " + error.message
            + " (resume the run when the backend is back)",
        error.location);
}

bool StopPolicy::abortDue(bool fatal, bool cancelled, double nowSeconds)
{
    if (m_aborted || !(fatal || cancelled))
        return false;
    if (!m_stopSeen)
        m_stopSeen = nowSeconds;
    if (fatal || nowSeconds - *m_stopSeen >= m_graceSeconds)
        m_aborted = true;
    return m_aborted;
}

} // namespace wb::run
