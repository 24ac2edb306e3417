// SPDX-License-Identifier: Apache-2.0
#include "core/store/database.h"
#include "core/store/schema.h"
#include "core/store/statement.h"

#include <QTemporaryDir>
#include <QtTest>

using wb::store::Database;
using wb::store::Statement;
using wb::store::Transaction;

class TestStatement final : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        auto db = Database::openMemory();
        QVERIFY2(db.ok(), db.ok() ? "" : db.error().message.c_str());
        m_db.emplace(std::move(*db));
        QVERIFY(m_db->execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB)").ok());
    }
    void cleanup() { m_db.reset(); }

    void bindIsOneBasedAndRoundTrips()
    {
        auto insert = m_db->prepare("INSERT INTO t (i, r, s, b) VALUES (?1, ?2, ?3, ?4)");
        QVERIFY(insert.ok());
        const std::string blob("a\0b\xff", 4);
        QVERIFY(insert->bindInt64(1, 9007199254740993LL).ok());
        QVERIFY(insert->bindDouble(2, 0.1).ok());
        QVERIFY(insert->bindText(3, "caf\xC3\xA9").ok());
        QVERIFY(insert->bindBlob(4, blob).ok());
        QVERIFY(insert->run().ok());

        auto select = m_db->prepare("SELECT i, r, s, b FROM t");
        QVERIFY(select.ok());
        auto stepped = select->step();
        QVERIFY(stepped.ok());
        QCOMPARE(*stepped, Statement::Step::Row);
        QCOMPARE(select->columnCount(), 4);
        QCOMPARE(select->columnInt64(0), 9007199254740993LL);
        QCOMPARE(select->columnDouble(1), 0.1);
        QCOMPARE(select->columnText(2), std::string("caf\xC3\xA9"));
        QCOMPARE(select->columnBlob(3), blob);
        stepped = select->step();
        QVERIFY(stepped.ok());
        QCOMPARE(*stepped, Statement::Step::Done);
    }

    void indexZeroIsOutOfRange()
    {
        auto insert = m_db->prepare("INSERT INTO t (i) VALUES (?)");
        QVERIFY(insert.ok());
        auto r = insert->bindInt64(0, 1);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, wb::ErrorCode::Usage);
        QVERIFY(r.error().message.find("1-based") != std::string::npos);
        QVERIFY(!insert->bindInt64(2, 1).ok());
        QVERIFY(insert->bindInt64(1, 1).ok());
    }

    void genericBindAndOptionals()
    {
        auto insert = m_db->prepare("INSERT INTO t (i, r, s, b) VALUES (?1, ?2, ?3, ?4)");
        QVERIFY(insert.ok());
        QVERIFY(insert->bind(1, std::optional<std::int64_t>()).ok());
        QVERIFY(insert->bind(2, std::optional<double>(2.5)).ok());
        QVERIFY(insert->bind(3, std::string()).ok());
        QVERIFY(insert->bind(4, nullptr).ok());
        QVERIFY(insert->run().ok());
        QVERIFY(insert->reset().ok());
        QVERIFY(insert->bind(1, true).ok());
        QVERIFY(insert->bind(2, 3).ok());
        QVERIFY(insert->bind(3, "x").ok());
        QVERIFY(insert->run().ok());

        auto select = m_db->prepare("SELECT i, r, s, b, typeof(s) FROM t ORDER BY rowid");
        QVERIFY(select.ok());
        QCOMPARE(*select->step(), Statement::Step::Row);
        QVERIFY(select->isNull(0));
        QCOMPARE(select->columnOptionalInt64(0), std::optional<std::int64_t>());
        QCOMPARE(select->columnOptionalDouble(1), std::optional<double>(2.5));
        QCOMPARE(select->columnText(4), std::string("text")); // an empty string stays TEXT, not NULL
        QVERIFY(select->isNull(3));
        QCOMPARE(*select->step(), Statement::Step::Row);
        QCOMPARE(select->columnInt64(0), 1);
        QCOMPARE(select->columnText(2), std::string("x"));

        // The generic bind picks the storage class from the C++ type (column affinity aside).
        auto probe = m_db->prepare("SELECT typeof(?1), typeof(?2), typeof(?3), typeof(?4)");
        QVERIFY(probe.ok());
        QVERIFY(probe->bind(1, 3).ok());
        QVERIFY(probe->bind(2, 2.5f).ok());
        QVERIFY(probe->bind(3, std::string_view("s")).ok());
        QVERIFY(probe->bind(4, std::optional<int>()).ok());
        QCOMPARE(*probe->step(), Statement::Step::Row);
        QCOMPARE(probe->columnText(0), std::string("integer"));
        QCOMPARE(probe->columnText(1), std::string("real"));
        QCOMPARE(probe->columnText(2), std::string("text"));
        QCOMPARE(probe->columnText(3), std::string("null"));
    }

    void multiStatementSqlIsRejected_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("one") << "SELECT 1" << true;
        QTest::newRow("trailing semicolon") << "SELECT 1;  \n" << true;
        QTest::newRow("trailing comment") << "SELECT 1; -- done" << true;
        QTest::newRow("two") << "SELECT 1; SELECT 2" << false;
        QTest::newRow("injection shape") << "INSERT INTO t (i) VALUES (1); DROP TABLE t" << false;
        QTest::newRow("empty") << "   " << false;
    }
    void multiStatementSqlIsRejected()
    {
        QFETCH(QString, sql);
        QFETCH(bool, accepted);
        auto stmt = m_db->prepare(sql.toStdString());
        QCOMPARE(stmt.ok(), accepted);
        if (!accepted)
            QCOMPARE(stmt.error().code, wb::ErrorCode::InvalidInput);
        // The table must survive whatever followed the first statement.
        QVERIFY(m_db->prepare("SELECT count(*) FROM t").ok());
    }

    void errorsCarrySqliteMessageAndPath()
    {
        auto bad = m_db->prepare("SELECT nope FROM t");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, wb::ErrorCode::Database);
        QVERIFY2(bad.error().message.find("no such column: nope") != std::string::npos, bad.error().message.c_str());
        QVERIFY2(bad.error().message.find(":memory:") != std::string::npos, bad.error().message.c_str());

        QVERIFY(m_db->execute("CREATE TABLE u (k TEXT PRIMARY KEY)").ok());
        QVERIFY(m_db->execute("INSERT INTO u VALUES ('a')").ok());
        auto dup = m_db->prepare("INSERT INTO u VALUES ('a')");
        QVERIFY(dup.ok());
        auto r = dup->run();
        QVERIFY(!r.ok());
        QVERIFY2(
            r.error().message.find("UNIQUE constraint failed: u.k") != std::string::npos, r.error().message.c_str());
        QVERIFY(m_db->lastError().find("UNIQUE") != std::string::npos);

        auto exec = m_db->execute("SELEC 1");
        QVERIFY(!exec.ok());
        QVERIFY2(exec.error().message.find("syntax error") != std::string::npos, exec.error().message.c_str());
    }

    void transactionRollsBackOnDestruction()
    {
        {
            auto tx = Transaction::begin(*m_db);
            QVERIFY(tx.ok());
            QVERIFY(m_db->inTransaction());
            QVERIFY(m_db->execute("INSERT INTO t (i) VALUES (1)").ok());
            auto nested = Transaction::begin(*m_db);
            QVERIFY(!nested.ok());
            QCOMPARE(nested.error().code, wb::ErrorCode::Usage);
        }
        QVERIFY(!m_db->inTransaction());
        QCOMPARE(count(), 0);
        {
            auto tx = Transaction::begin(*m_db, Transaction::Kind::Deferred);
            QVERIFY(tx.ok());
            QVERIFY(m_db->execute("INSERT INTO t (i) VALUES (1)").ok());
            QVERIFY(tx->commit().ok());
            QVERIFY(!tx->active());
        }
        QCOMPARE(count(), 1);
    }

    void freshDatabaseIsAtLatestVersion()
    {
        QVERIFY(wb::store::latestSchemaVersion() >= 1);
        QCOMPARE(*m_db->userVersion(), 0);
        QVERIFY(wb::store::migrate(*m_db).ok());
        QCOMPARE(*m_db->userVersion(), wb::store::latestSchemaVersion());
        // Migrating again is a no-op.
        QVERIFY(wb::store::migrate(*m_db).ok());
        QCOMPARE(*m_db->userVersion(), wb::store::latestSchemaVersion());
        for (const char* table :
            { "datasets", "problems", "methods", "demo_sets", "runs", "calls", "results", "response_cache" }) {
            auto stmt = m_db->prepare(std::string("SELECT count(*) FROM ") + table);
            QVERIFY2(stmt.ok(), table);
        }
        auto fk = m_db->prepare("PRAGMA foreign_keys");
        QVERIFY(fk.ok());
        QCOMPARE(*fk->step(), Statement::Step::Row);
        QCOMPARE(fk->columnInt64(0), 1);
    }

    void newerDatabaseIsRefused()
    {
        const int newer = wb::store::latestSchemaVersion() + 1;
        QVERIFY(m_db->setUserVersion(newer).ok());
        auto r = wb::store::migrate(*m_db);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, wb::ErrorCode::Database);
        QVERIFY2(r.error().message.find("newer") != std::string::npos, r.error().message.c_str());
        QVERIFY(r.error().message.find(std::to_string(newer)) != std::string::npos);
        QCOMPARE(*m_db->userVersion(), newer);
        QVERIFY(!m_db->inTransaction());
    }

    void fileDatabaseUsesWal()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("wal.db")).toStdString();
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QCOMPARE(*db->journalMode(), std::string("wal"));
        QCOMPARE(db->path(), path);
        auto memory = Database::open(":memory:");
        QVERIFY(memory.ok());
        QCOMPARE(*memory->journalMode(), std::string("memory"));
        auto missing
            = Database::open(dir.filePath(QStringLiteral("absent.db")).toStdString(), Database::Mode::ReadOnly);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.find("absent.db") != std::string::npos);
    }

private:
    int count()
    {
        auto stmt = m_db->prepare("SELECT count(*) FROM t");
        if (!stmt || !stmt->step())
            return -1;
        return int(stmt->columnInt64(0));
    }

    std::optional<Database> m_db;
};

QTEST_GUILESS_MAIN(TestStatement)
#include "tst_statement.moc"
