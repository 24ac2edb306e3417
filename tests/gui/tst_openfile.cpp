// SPDX-License-Identifier: Apache-2.0
#include "core/store/store.h"
#include "ui/mainwindow.h"
#include "ui/pages/runspage.h"
#include "ui/settings/settings.h"

#include "support/testpaths.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestOpenFile final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void recognisesResultsDatabasesByTheirHeader()
    {
        QTemporaryDir dir;
        const QString db = dir.path() + QStringLiteral("/results.bin");
        QVERIFY(wb::store::Store::open(db.toStdString()).ok());
        QVERIFY(wb::ui::MainWindow::isResultsDatabase(db));
        QVERIFY(!wb::ui::MainWindow::isResultsDatabase(
            wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl")));
        QVERIFY(!wb::ui::MainWindow::isResultsDatabase(dir.path() + QStringLiteral("/missing.db")));
    }

    void aDatabaseOnTheCommandLineOpensTheRunsPageNotTheLoader()
    {
        QTemporaryDir dir;
        const QString db = dir.path() + QStringLiteral("/results.db");
        QVERIFY(wb::store::Store::open(db.toStdString()).ok());
        wb::ui::Settings settings(dir.path() + QStringLiteral("/settings.ini"));
        wb::ui::MainWindow window(settings);
        window.show();
        QSignalSpy failed(&window, &wb::ui::MainWindow::datasetFailed);
        window.openFile(db);
        QTRY_VERIFY(window.runsPage()->isVisible());
        QTRY_COMPARE(window.runsPage()->databasePath(), db);
        QTRY_VERIFY(!window.isLoading());
        QCOMPARE(failed.count(), 0); // the database was not handed to the dataset loader
    }
};

QTEST_MAIN(TestOpenFile)
#include "tst_openfile.moc"
