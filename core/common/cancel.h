// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

namespace wb {

/// Shared flag a caller sets to ask long-running core work to stop at the next safe point.
class CancelToken {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    void reset() { m_cancelled.store(false, std::memory_order_relaxed); }

private:
    std::atomic_bool m_cancelled { false };
};

/// Progress of long work: `done` of `total` units (total 0 = unknown). Returning false asks to cancel.
using ProgressCallback = std::function<bool(std::uint64_t done, std::uint64_t total)>;

} // namespace wb
