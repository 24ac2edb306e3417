// SPDX-License-Identifier: Apache-2.0
#include "core/store/store.h"
#include "support/comparedb.h"
#include "support/testpaths.h"
#include "ui/jobs/storereader.h"
#include "ui/mainwindow.h"
#include "ui/pages/runspage.h"
#include "ui/prompteditor/runcallsview.h"
#include "ui/pages/inspectorpage.h"
#include "ui/runs/runsmodel.h"
#include "ui/settings/settings.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <sys/stat.h>
#include <unistd.h>

using wb::ui::RunsPage;
using wb::ui::Settings;

/// A results database this process may not write opens read-only: the window says so and offers no action
/// that writes.
class TestReadOnlyDatabase final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("results.sqlite"));
        QVERIFY(wb::store::Store::open(m_path.toStdString()).ok());
    }

    void cleanup()
    {
        if (!m_sharedFolder.isEmpty())
            ::chmod(m_sharedFolder.toLocal8Bit().constData(), 0755);
        m_sharedFolder.clear();
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

    /// Someone else's results (mode 0444 in a folder 0555, as on a share) open in the window: runs and calls
    /// show, the title says read-only, New Run is off, and neither the file nor the folder changes.
    void readOnlyFileInReadOnlyFolderOpensInTheWindow()
    {
        m_sharedFolder = m_dir->filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(m_sharedFolder));
        const QString path = m_sharedFolder + QStringLiteral("/results.db");
        const QString demo = wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl");
        auto runs = wb::test::makeComparisonDatabase(path.toStdString(), demo.toStdString(), { "zero-shot-cot" });
        QVERIFY2(runs.ok(), runs.ok() ? "" : runs.error().toString().c_str());
        QVERIFY(::chmod(path.toLocal8Bit().constData(), 0444) == 0);
        QVERIFY(::chmod(m_sharedFolder.toLocal8Bit().constData(), 0555) == 0);
        const QStringList filesBefore = QDir(m_sharedFolder).entryList(QDir::Files | QDir::Hidden);
        const QByteArray bytesBefore = fileHash(path);

        Settings settings(m_dir->filePath(QStringLiteral("window.ini")));
        {
            wb::ui::MainWindow window(settings);
            window.show();
            QSignalSpy loaded(&window, &wb::ui::MainWindow::datasetLoaded);
            window.openDatabase(path);
            QVERIFY(loaded.wait(30000));
            QVERIFY2(window.windowTitle().contains(QStringLiteral("read-only")), qPrintable(window.windowTitle()));
            RunsPage* page = window.runsPage();
            QTRY_VERIFY_WITH_TIMEOUT(!page->isRefreshing() && page->model()->rowCount() == 1, 20000);
            QVERIFY(page->isDatabaseReadOnly());
            QVERIFY(!window.findChild<QAction*>(QStringLiteral("newRunAction"))->isEnabled());
            // The inspector's Runs tab reads the stored calls of the selected problem.
            wb::ui::RunCallsView* calls = window.inspectorPage()->runCallsView();
            QTRY_VERIFY_WITH_TIMEOUT(!calls->isLoading() && calls->callTree()->topLevelItemCount() > 0, 20000);
        }
        QCOMPARE(QDir(m_sharedFolder).entryList(QDir::Files | QDir::Hidden), filesBefore);
        QCOMPARE(fileHash(path), bytesBefore);
    }

private:
    static QByteArray fileHash(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

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
    QString m_sharedFolder;
    bool m_immutable = false;
};

QTEST_MAIN(TestReadOnlyDatabase)
#include "tst_readonlydatabase.moc"
