// SPDX-License-Identifier: Apache-2.0
// Store: the lease that lets one executor at a time work on a run.
#include "core/store/statement.h"
#include "core/store/store.h"

namespace wb::store {

namespace {

RunLease readLease(const Statement& stmt)
{
    RunLease lease;
    lease.runId = stmt.columnInt64(0);
    lease.owner = stmt.columnText(1);
    lease.host = stmt.columnText(2);
    lease.pid = stmt.columnInt64(3);
    lease.heartbeatAt = stmt.columnDouble(4);
    lease.acquiredAt = stmt.columnText(5);
    return lease;
}

Result<std::optional<RunLease>> queryLease(Database& db, RowId runId)
{
    auto stmt
        = db.prepare("SELECT run_id, owner, host, pid, heartbeat_at, acquired_at FROM run_leases WHERE run_id = ?1");
    if (!stmt)
        return stmt.error();
    if (auto bound = stmt->bind(1, runId); !bound)
        return bound.error();
    auto step = stmt->step();
    if (!step)
        return step.error();
    if (*step != Statement::Step::Row)
        return std::optional<RunLease> {};
    return std::optional<RunLease> { readLease(*stmt) };
}

Result<void> writeLease(Database& db, const RunLease& lease)
{
    auto stmt = db.prepare("INSERT OR REPLACE INTO run_leases (run_id, owner, host, pid, heartbeat_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!stmt)
        return stmt.error();
    for (auto bound : { stmt->bind(1, lease.runId), stmt->bind(2, lease.owner), stmt->bind(3, lease.host),
             stmt->bind(4, lease.pid), stmt->bind(5, lease.heartbeatAt) }) {
        if (!bound)
            return bound.error();
    }
    return stmt->run();
}

} // namespace

Result<std::optional<RunLease>> Store::runLease(RowId runId) { return queryLease(m_db, runId); }

Result<bool> Store::claimRunLease(const RunLease& lease, const std::optional<std::string>& replacing)
{
    // Immediate: the read and the write happen under the write lock, so two claimants cannot both win.
    auto tx = Transaction::begin(m_db, Transaction::Kind::Immediate);
    if (!tx)
        return tx.error();
    auto current = queryLease(m_db, lease.runId);
    if (!current)
        return current.error();
    if (*current && (*current)->owner != lease.owner && (*current)->owner != replacing.value_or(std::string()))
        return false; // the transaction rolls back when it goes out of scope
    if (auto written = writeLease(m_db, lease); !written)
        return written.error();
    if (auto committed = tx->commit(); !committed)
        return committed.error();
    return true;
}

Result<bool> Store::renewRunLease(RowId runId, const std::string& owner, double heartbeatAt)
{
    auto stmt = m_db.prepare("UPDATE run_leases SET heartbeat_at = ?3 WHERE run_id = ?1 AND owner = ?2");
    if (!stmt)
        return stmt.error();
    for (auto bound : { stmt->bind(1, runId), stmt->bind(2, owner), stmt->bind(3, heartbeatAt) }) {
        if (!bound)
            return bound.error();
    }
    if (auto ran = stmt->run(); !ran)
        return ran.error();
    return m_db.changes() > 0;
}

Result<void> Store::releaseRunLease(RowId runId, const std::string& owner)
{
    auto stmt = m_db.prepare("DELETE FROM run_leases WHERE run_id = ?1 AND owner = ?2");
    if (!stmt)
        return stmt.error();
    for (auto bound : { stmt->bind(1, runId), stmt->bind(2, owner) }) {
        if (!bound)
            return bound.error();
    }
    return stmt->run();
}

} // namespace wb::store
