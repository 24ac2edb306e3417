// SPDX-License-Identifier: Apache-2.0
#include "core/store/store.h"
#include "ui/jobs/storereader.h"
#include "ui/pages/runspage.h"
#include "ui/settings/settings.h"

#include <QAction>
#include <QLabel>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using wb::ui::RunsPage;
using wb::ui::Settings;

/// A results database this process may not write opens read-only: the window says so and offers no action
/// that writes.
class TestReadOnlyDatabase final : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("results.sqlite"));
        QVERIFY(wb::store::Store::open(m_path.toStdString()).ok());
    }

    void cleanup()
    {
        if (m_immutable)
            QProcess::execute(QStringLiteral("chattr"), { QStringLiteral("-i"), m_path });
        m_immutable = false;
        m_dir.reset();
    }

    void writableDatabaseOffersRuns()
    {
        Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        RunsPage page(settings);
        page.setDatabasePath(m_path);
        QVERIFY(!page.isDatabaseReadOnly());
        QVERIFY(page.findChild<QAction*>(QStringLiteral("newRunAction"))->isEnabled());
        QVERIFY(!readStoreOrFail().readOnly);
    }

    void unwritableDatabaseIsReadOnly()
    {
        makeUnwritable();
        Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        RunsPage page(settings);
        page.setDatabasePath(m_path);
        QVERIFY(page.isDatabaseReadOnly());
        QVERIFY(!page.findChild<QAction*>(QStringLiteral("newRunAction"))->isEnabled());
        QVERIFY(!page.findChild<QAction*>(QStringLiteral("resumeRunAction"))->isEnabled());
        const QString label = page.findChild<QLabel*>(QStringLiteral("runsDatabaseLabel"))->text();
        QVERIFY2(label.contains(QStringLiteral("read-only")), qPrintable(label));
        QVERIFY(readStoreOrFail().readOnly);
    }

private:
    wb::ui::StoreContents readStoreOrFail()
    {
        auto contents = wb::ui::readStore(m_path.toStdString());
        if (!contents.ok())
            qFatal("readStore failed: %s", contents.error().toString().c_str());
        return std::move(contents.value());
    }

    /// chmod does not stop root; the immutable attribute does, where the file system and privileges allow it.
    void makeUnwritable()
    {
        if (::geteuid() != 0) {
            QVERIFY(::chmod(m_path.toLocal8Bit().constData(), 0444) == 0);
            return;
        }
        m_immutable = QProcess::execute(QStringLiteral("chattr"), { QStringLiteral("+i"), m_path }) == 0;
        if (!m_immutable)
            QSKIP("running as root without chattr +i: the file cannot be made unwritable");
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    bool m_immutable = false;
};

QTEST_MAIN(TestReadOnlyDatabase)
#include "tst_readonlydatabase.moc"
