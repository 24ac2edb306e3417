// SPDX-License-Identifier: Apache-2.0
#include "core/llm/concurrencycontroller.h"

#include <algorithm>

namespace wb::llm {

ConcurrencyController::ConcurrencyController(int maximum)
    : m_maximum(std::max(1, maximum))
    , m_limit(m_maximum)
    , m_floor(m_maximum)
{
}

void ConcurrencyController::onRateLimited(Clock::time_point requestSentAt)
{
    m_successes = 0;
    // Requests already in flight when we cut were sent at the old rate; their 429s say nothing new.
    if (requestSentAt < m_lastCut)
        return;
    m_limit = std::max(1, m_limit / 2);
    m_floor = std::min(m_floor, m_limit);
    m_lastCut = Clock::now();
}

void ConcurrencyController::onSuccess()
{
    if (m_limit >= m_maximum)
        return;
    if (++m_successes >= m_limit) {
        ++m_limit;
        m_successes = 0;
    }
}

void ConcurrencyController::onRemainingRequests(long long remaining)
{
    if (remaining >= m_limit)
        return;
    m_limit = int(std::max<long long>(1, remaining));
    m_floor = std::min(m_floor, m_limit);
    m_successes = 0;
}

} // namespace wb::llm
