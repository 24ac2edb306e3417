// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/store/records.h"

#include <functional>
#include <optional>
#include <string>

namespace wb::store {
class Store;
}

namespace wb::run {

/// Who this process is, and how it judges another executor's lease. A seam for tests.
struct LeaseEnvironment {
    std::string host; ///< this machine's name
    std::int64_t pid = 0; ///< this process
    std::function<double()> now; ///< wall-clock seconds since the epoch
    /// Whether a process of this machine is alive; only asked about leases taken on this host.
    std::function<bool(std::int64_t pid)> processAlive;
    double heartbeatIntervalS = 5; ///< how often a holder renews its lease
    double staleAfterS = 30; ///< a lease not renewed for this long belongs to a dead (or frozen) executor

    /// The real machine: gethostname(), getpid(), the system clock and kill(pid, 0).
    static LeaseEnvironment system();
};

/// One executor per run: the holder of a run's lease (a row in the store) may execute it; everybody else is
/// refused with a Busy error naming the holder, until the holder releases the lease, or stops renewing it
/// (killed, frozen, machine gone: stale after staleAfterS), or is a process of this machine that no longer
/// exists (kill -9: taken over at once).
///
/// Not thread-safe; use it from the thread that executes the run, with that thread's Store.
class RunLeaseHolder {
public:
    static Result<RunLeaseHolder> acquire(
        store::Store& store, store::RowId runId, LeaseEnvironment environment = LeaseEnvironment::system());
    ~RunLeaseHolder();
    RunLeaseHolder(RunLeaseHolder&& other) noexcept;
    RunLeaseHolder& operator=(RunLeaseHolder&&) = delete;
    RunLeaseHolder(const RunLeaseHolder&) = delete;
    RunLeaseHolder& operator=(const RunLeaseHolder&) = delete;

    /// Renews the lease when the interval has passed (cheap to call often). An error when the lease was taken
    /// over (this executor was judged dead): the caller must stop writing to the run.
    Result<void> heartbeat();
    const std::string& owner() const { return m_owner; }

private:
    RunLeaseHolder(store::Store& store, store::RowId runId, LeaseEnvironment environment, std::string owner);

    store::Store* m_store = nullptr; ///< null once moved from
    store::RowId m_runId = 0;
    LeaseEnvironment m_environment;
    std::string m_owner;
    double m_lastBeat = 0;
};

/// Whether `lease` no longer stands for a live executor, judged from `environment`.
bool leaseIsStale(const store::RunLease& lease, const LeaseEnvironment& environment);

/// "run 7 is being executed by process 4242 on host lab-1 (last heartbeat 3 s ago)"
std::string describeLease(const store::RunLease& lease, double now);

} // namespace wb::run
