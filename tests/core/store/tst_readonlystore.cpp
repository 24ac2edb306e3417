// SPDX-License-Identifier: Apache-2.0
#include "core/store/database.h"
#include "core/store/store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace wb::store;

namespace {

MethodRecord method(const char* name)
{
    MethodRecord m;
    m.name = name;
    m.version = "1";
    m.definitionJson = std::string("{\"id\": \"") + name + "\"}";
    return m;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

/// Results databases someone else owns (a shared folder, a file copied off a CD) open for reading, and any
/// write on them says the database is read-only instead of a bare SQLite code.
class TestReadOnlyStore final : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = (m_dir->path() + QStringLiteral("/results.sqlite")).toStdString();
        auto store = Store::open(m_path);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().toString().c_str());
        QVERIFY(store->saveMethod(method("cot")).ok());
        QVERIFY(!store->isReadOnly());
    }

    void readsAndRefusesWrites_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("read-only") << int(Database::Mode::ReadOnly);
        QTest::newRow("immutable") << int(Database::Mode::Immutable);
    }
    void readsAndRefusesWrites()
    {
        QFETCH(int, mode);
        auto store = Store::open(m_path, Database::Mode(mode));
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().toString().c_str());
        QVERIFY(store->isReadOnly());
        auto methods = store->listMethods();
        QVERIFY(methods.ok());
        QCOMPARE(methods->size(), std::size_t(1));
        auto write = store->saveMethod(method("other"));
        QVERIFY(!write.ok());
        QCOMPARE(write.error().code, wb::ErrorCode::Database);
        QVERIFY2(
            contains(write.error().message, "database " + m_path + " is read-only"), write.error().message.c_str());
        auto pragma = store->database().execute("PRAGMA user_version = 7");
        QVERIFY(!pragma.ok());
        QVERIFY2(contains(pragma.error().message, "is read-only"), pragma.error().message.c_str());
    }

    void unwritableFileOpensForReading()
    {
        // chmod does not stop root, so the read-only open itself must be what keeps the file untouched.
        QVERIFY(::chmod(m_path.c_str(), 0444) == 0);
        auto store = Store::open(m_path, Database::Mode::ReadOnly);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().toString().c_str());
        QVERIFY(store->listMethods().ok());
        QVERIFY(!store->saveMethod(method("other")).ok());
    }

    void readOnlyDirectoryWithWalStillReads()
    {
        if (::geteuid() == 0)
            QSKIP("root writes into a read-only directory; the immutable open is covered by readsAndRefusesWrites");
        QVERIFY(::chmod(m_dir->path().toLocal8Bit().constData(), 0555) == 0);
        auto store = Store::open(m_path, Database::Mode::ReadOnly);
        const bool opened = store.ok();
        const bool read = opened && store->listMethods().ok();
        ::chmod(m_dir->path().toLocal8Bit().constData(), 0755);
        QVERIFY2(opened, opened ? "" : store.error().toString().c_str());
        QVERIFY(read);
    }

    void readOnlyOpenNeverMigrates()
    {
        const std::string empty = (m_dir->path() + QStringLiteral("/empty.sqlite")).toStdString();
        QVERIFY(Database::open(empty).ok());
        auto store = Store::open(empty, Database::Mode::ReadOnly);
        QVERIFY(!store.ok());
        QVERIFY2(contains(store.error().message, "read-only") && contains(store.error().message, "cannot be upgraded"),
            store.error().message.c_str());
        auto db = Database::open(empty, Database::Mode::ReadOnly);
        QVERIFY(db.ok());
        QCOMPARE(*db->userVersion(), 0);
    }

    void missingFileIsNotCreated()
    {
        const std::string missing = (m_dir->path() + QStringLiteral("/missing.sqlite")).toStdString();
        QVERIFY(!Store::open(missing, Database::Mode::ReadOnly).ok());
        QVERIFY(!QFile::exists(QString::fromStdString(missing)));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::string m_path;
};

QTEST_GUILESS_MAIN(TestReadOnlyStore)
#include "tst_readonlystore.moc"
