// SPDX-License-Identifier: Apache-2.0
#include "core/run/runlease.h"

#include "core/store/store.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <random>
#include <unistd.h>
#include <utility>

namespace wb::run {
namespace {

std::string hostName()
{
    char buffer[256] = {};
    if (gethostname(buffer, sizeof buffer - 1) != 0)
        return "unknown";
    return buffer;
}

double systemNow()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

/// A killed process stays a zombie until its parent (or init) reaps it; some containers' init never does.
bool isZombie(std::int64_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line))
        return false;
    // "pid (comm) S ...": comm may contain spaces and parentheses, so the state follows the last ')'.
    const auto close = line.rfind(')');
    return close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'Z';
}

bool systemProcessAlive(std::int64_t pid)
{
    if (pid <= 0)
        return false;
    // EPERM: the process exists but belongs to someone else; only ESRCH says it is gone.
    if (kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    return !isZombie(pid);
}

/// 128 random bits: an owner nobody else will ever claim, even a later process that reuses this pid.
std::string newOwnerToken()
{
    std::random_device random;
    char buffer[33];
    std::snprintf(buffer, sizeof buffer, "%08x%08x%08x%08x", random(), random(), random(), random());
    return buffer;
}

} // namespace

LeaseEnvironment LeaseEnvironment::system()
{
    LeaseEnvironment environment;
    environment.host = hostName();
    environment.pid = getpid();
    environment.now = systemNow;
    environment.processAlive = systemProcessAlive;
    return environment;
}

bool leaseIsStale(const store::RunLease& lease, const LeaseEnvironment& environment)
{
    if (environment.now() - lease.heartbeatAt > environment.staleAfterS)
        return true;
    return lease.host == environment.host && !environment.processAlive(lease.pid);
}

std::string describeLease(const store::RunLease& lease, double now)
{
    const long long age = std::max(0LL, static_cast<long long>(now - lease.heartbeatAt));
    return "run " + std::to_string(lease.runId) + " is being executed by process " + std::to_string(lease.pid)
        + " on host " + lease.host + " (last heartbeat " + std::to_string(age) + " s ago)";
}

Result<RunLeaseHolder> RunLeaseHolder::acquire(store::Store& store, store::RowId runId, LeaseEnvironment environment)
{
    auto current = store.runLease(runId);
    if (!current)
        return current.error();
    std::optional<std::string> replacing;
    if (*current) {
        if (!leaseIsStale(**current, environment))
            return makeError(ErrorCode::Busy,
                describeLease(**current, environment.now())
                    + "; wait until it ends or stop it (a killed executor's lease is taken over after "
                    + std::to_string(static_cast<long long>(environment.staleAfterS)) + " s)",
                store.path());
        replacing = (*current)->owner;
    }
    store::RunLease lease;
    lease.runId = runId;
    lease.owner = newOwnerToken();
    lease.host = environment.host;
    lease.pid = environment.pid;
    lease.heartbeatAt = environment.now();
    auto claimed = store.claimRunLease(lease, replacing);
    if (!claimed)
        return claimed.error();
    if (!*claimed) {
        // Somebody else claimed it between our read and our write: they are the executor now.
        auto winner = store.runLease(runId);
        const std::string who = winner && *winner
            ? describeLease(**winner, environment.now())
            : "run " + std::to_string(runId) + " was just taken by another executor";
        return makeError(ErrorCode::Busy, who, store.path());
    }
    RunLeaseHolder holder(store, runId, std::move(environment), lease.owner);
    holder.m_lastBeat = lease.heartbeatAt;
    return holder;
}

RunLeaseHolder::RunLeaseHolder(store::Store& store, store::RowId runId, LeaseEnvironment environment, std::string owner)
    : m_store(&store)
    , m_runId(runId)
    , m_environment(std::move(environment))
    , m_owner(std::move(owner))
{
}

RunLeaseHolder::RunLeaseHolder(RunLeaseHolder&& other) noexcept
    : m_store(std::exchange(other.m_store, nullptr))
    , m_runId(other.m_runId)
    , m_environment(std::move(other.m_environment))
    , m_owner(std::move(other.m_owner))
    , m_lastBeat(other.m_lastBeat)
{
}

RunLeaseHolder::~RunLeaseHolder()
{
    if (m_store)
        (void)m_store->releaseRunLease(m_runId, m_owner); // a failure leaves a lease that goes stale by itself
}

Result<void> RunLeaseHolder::heartbeat()
{
    const double now = m_environment.now();
    if (now - m_lastBeat < m_environment.heartbeatIntervalS)
        return {};
    auto renewed = m_store->renewRunLease(m_runId, m_owner, now);
    if (!renewed)
        return renewed.error();
    if (!*renewed)
        return makeError(ErrorCode::Busy,
            "run " + std::to_string(m_runId)
                + " was taken over by another executor (this one had not renewed its lease in time); stopping",
            m_store->path());
    m_lastBeat = now;
    return {};
}

} // namespace wb::run
