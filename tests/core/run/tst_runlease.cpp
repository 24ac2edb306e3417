// SPDX-License-Identifier: Apache-2.0
// One executor per run: the lease is refused while its holder lives, taken over when it went stale (no heartbeat)
// or when its process on this machine is gone, and a holder that was taken over learns it at its next heartbeat.
#include "core/run/runlease.h"
#include "core/store/store.h"

#include <QTemporaryDir>
#include <QtTest>

#include <optional>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace wb;

namespace {

/// A machine and a clock under the test's control.
struct FakeMachine {
    double clock = 1'000'000.0;
    std::set<std::int64_t> alive { 100, 200 };

    run::LeaseEnvironment environment(const std::string& host, std::int64_t pid)
    {
        run::LeaseEnvironment environment;
        environment.host = host;
        environment.pid = pid;
        environment.now = [this] { return clock; };
        environment.processAlive = [this](std::int64_t p) { return alive.count(p) > 0; };
        return environment;
    }
};

store::RowId createRun(store::Store& store)
{
    dataset::DatasetInfo info;
    info.name = "lease";
    info.path = "lease.jsonl";
    info.contentHash = "lease-hash";
    dataset::Problem problem;
    problem.id = "p0";
    problem.text = "Ann has 2 apples. How many apples does Ann have?";
    problem.question = "How many apples does Ann have?";
    auto dataset = store.importDataset(info, { problem });
    if (!dataset)
        return 0;
    store::NewRun run;
    run.datasetId = dataset->datasetId;
    auto id = store.createRun(run);
    return id ? *id : 0;
}

} // namespace

class TestRunLease final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<store::Store> m_store;
    store::RowId m_run = 0;
    FakeMachine m_machine;

private slots:
    void init()
    {
        auto store = store::Store::open(m_dir.filePath(QStringLiteral("lease.db")).toStdString());
        QVERIFY(store.ok());
        m_store.emplace(std::move(*store));
        (void)m_store->database().execute("DELETE FROM run_leases");
        m_run = m_run ? m_run : createRun(*m_store);
        QVERIFY(m_run > 0);
        m_machine = FakeMachine {};
    }

    void secondExecutorIsRefusedWhileTheFirstLives()
    {
        auto first = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-1", 100));
        QVERIFY(first.ok());
        m_machine.clock += 10;
        auto second = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-1", 200));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ErrorCode::Busy);
        const QString message = QString::fromStdString(second.error().toString());
        QVERIFY2(message.contains(QStringLiteral("process 100 on host lab-1")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("10 s ago")), qPrintable(message));
    }

    void releasedLeaseCanBeTakenAgain()
    {
        {
            auto first = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-1", 100));
            QVERIFY(first.ok());
        }
        auto lease = m_store->runLease(m_run);
        QVERIFY(lease.ok() && !lease->has_value());
        QVERIFY(run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-1", 200)).ok());
    }

    void leaseWithoutHeartbeatGoesStaleAndTheOldHolderLearnsIt()
    {
        auto first = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-1", 100));
        QVERIFY(first.ok());
        m_machine.clock += 31; // more than staleAfterS without a heartbeat: a frozen or unreachable executor
        auto second = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-2", 200));
        QVERIFY2(second.ok(), second.ok() ? "" : second.error().toString().c_str());
        auto lost = first->heartbeat();
        QVERIFY(!lost.ok());
        QCOMPARE(lost.error().code, ErrorCode::Busy);
        QVERIFY(second->heartbeat().ok());
    }

    void heartbeatKeepsTheLeaseAlive()
    {
        auto first = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-1", 100));
        QVERIFY(first.ok());
        for (int i = 0; i < 10; ++i) {
            m_machine.clock += 6;
            QVERIFY(first->heartbeat().ok());
        }
        auto second = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-2", 200));
        QVERIFY(!second.ok());
    }

    void deadProcessOnThisHostIsTakenOverAtOnce()
    {
        auto first = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-1", 100));
        QVERIFY(first.ok());
        m_machine.alive.erase(100); // kill -9
        auto second = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-1", 200));
        QVERIFY2(second.ok(), second.ok() ? "" : second.error().toString().c_str());
    }

    void deadProcessOnAnotherHostIsNotJudgedFromHere()
    {
        auto first = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-1", 100));
        QVERIFY(first.ok());
        m_machine.alive.erase(100); // this machine has no process 100, but lab-1 may
        auto second = run::RunLeaseHolder::acquire(*m_store, m_run, m_machine.environment("lab-2", 200));
        QVERIFY(!second.ok());
    }

    void claimIsCompareAndSwap()
    {
        store::RunLease mine;
        mine.runId = m_run;
        mine.owner = "a";
        mine.host = "h";
        mine.pid = 1;
        mine.heartbeatAt = 1;
        QVERIFY(*m_store->claimRunLease(mine, std::nullopt));
        store::RunLease theirs = mine;
        theirs.owner = "b";
        QVERIFY(!*m_store->claimRunLease(theirs, std::nullopt)); // held by "a"
        QVERIFY(!*m_store->claimRunLease(theirs, std::string("c"))); // replacing someone who is not the holder
        QVERIFY(*m_store->claimRunLease(theirs, std::string("a")));
        QVERIFY(!*m_store->renewRunLease(m_run, "a", 2));
        QCOMPARE((*m_store->runLease(m_run))->owner, std::string("b"));
    }

    void unreapedKilledExecutorIsTakenOver()
    {
        const std::string path = m_dir.filePath(QStringLiteral("lease.db")).toStdString();
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            auto store = store::Store::open(path);
            if (!store)
                _exit(1);
            auto held = run::RunLeaseHolder::acquire(*store, m_run);
            _exit(held.ok() ? 0 : 2);
        }
        // Wait for the exit but leave the child a zombie, as a killed executor stays under an init that never
        // reaps: kill(pid, 0) still succeeds for it, yet it is dead.
        siginfo_t info {};
        QCOMPARE(waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT), 0);
        auto taken = run::RunLeaseHolder::acquire(*m_store, m_run);
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        QVERIFY2(taken.ok(), taken.ok() ? "" : taken.error().toString().c_str());
    }

    void killedProcessLeaseIsTakenOverWithTheRealSystemCheck()
    {
        const std::string path = m_dir.filePath(QStringLiteral("lease.db")).toStdString();
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // Takes the lease and dies without releasing it, like kill -9.
            auto store = store::Store::open(path);
            if (!store)
                _exit(1);
            auto held = run::RunLeaseHolder::acquire(*store, m_run);
            _exit(held.ok() ? 0 : 2); // before the holder's destructor could release it
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        auto left = m_store->runLease(m_run);
        QVERIFY(left.ok() && left->has_value());
        QCOMPARE((*left)->pid, std::int64_t(child));
        auto taken = run::RunLeaseHolder::acquire(*m_store, m_run);
        QVERIFY2(taken.ok(), taken.ok() ? "" : taken.error().toString().c_str());
    }
};

QTEST_GUILESS_MAIN(TestRunLease)
#include "tst_runlease.moc"
