// SPDX-License-Identifier: Apache-2.0
#include "core/run/completionqueue.h"

#include <chrono>

namespace wb::run {

void CompletionQueue::push(Completion completion)
{
    {
        const std::lock_guard lock(m_mutex);
        m_items.push_back(std::move(completion));
    }
    m_ready.notify_one();
}

std::deque<Completion> CompletionQueue::takeAll(double seconds)
{
    std::unique_lock lock(m_mutex);
    m_ready.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return !m_items.empty(); });
    std::deque<Completion> out;
    out.swap(m_items);
    return out;
}

} // namespace wb::run
