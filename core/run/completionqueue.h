// SPDX-License-Identifier: Apache-2.0
// Internal to core/run: hands the llm client's completions from its event-loop thread to the runner's thread.
#pragma once

#include "core/common/result.h"
#include "core/llm/response.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

namespace wb::run {

/// One call's outcome, named by the ticket the runner gave the call when it submitted it.
struct Completion {
    std::uint64_t ticket = 0;
    Result<llm::ChatResponse> response;
};

/// Thread-safe: push() from any thread, takeAll() from the consumer. The runner shares it (std::shared_ptr) with
/// the client's callbacks, so a callback that runs late (the client cancels what is pending when it is destroyed)
/// still has a live queue to push into.
class CompletionQueue {
public:
    void push(Completion completion);
    /// Waits up to `seconds` for at least one completion and takes all that are there (possibly none).
    std::deque<Completion> takeAll(double seconds);

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Completion> m_items;
};

} // namespace wb::run
