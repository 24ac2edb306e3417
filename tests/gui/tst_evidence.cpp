// SPDX-License-Identifier: Apache-2.0
#include "support/comparedb.h"
#include "support/testpaths.h"
#include "ui/mainwindow.h"
#include "ui/pages/datasetspage.h"
#include "ui/pages/inspectorpage.h"
#include "ui/prompteditor/runcallsview.h"
#include "ui/settings/settings.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

using namespace wb::ui;

namespace {

QByteArrayList demoLines()
{
    QFile file(wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the demo dataset");
    QByteArrayList lines = file.readAll().trimmed().split('\n');
    return lines;
}

bool writeLines(const QString& path, const QByteArrayList& lines)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(lines.join('\n') + '\n') > 0;
}

} // namespace

/// The inspector's Runs tab shows evidence of the problem shown and of nothing else: with one results database
/// holding runs of dataset A, another dataset opened afterwards (smaller, or as large as A but with other
/// content) shows no calls and says why, and A's own file shows the calls of the very problem selected.
class TestEvidence final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QByteArrayList lines = demoLines();
        QVERIFY(lines.size() > 10);
        m_datasetA = m_dir.filePath(QStringLiteral("a.jsonl"));
        QVERIFY(writeLines(m_datasetA, lines));
        // B: a different, smaller dataset. Index-only matching would show A's calls for its first problems.
        m_datasetB = m_dir.filePath(QStringLiteral("b.jsonl"));
        QByteArrayList other = lines.mid(0, 8);
        std::reverse(other.begin(), other.end());
        QVERIFY(writeLines(m_datasetB, other));
        // C: A's problems in reverse order: the same count, other content at every index.
        m_datasetC = m_dir.filePath(QStringLiteral("c.jsonl"));
        QByteArrayList reversed = lines;
        std::reverse(reversed.begin(), reversed.end());
        QVERIFY(writeLines(m_datasetC, reversed));

        m_database = m_dir.filePath(QStringLiteral("results.db"));
        auto runs
            = wb::test::makeComparisonDatabase(m_database.toStdString(), m_datasetA.toStdString(), { "zero-shot-cot" });
        QVERIFY2(runs.ok(), runs.ok() ? "" : runs.error().toString().c_str());

        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto* tabs = m_window->inspectorPage()->findChild<QTabWidget*>(QStringLiteral("inspectorTabs"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(view());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_settings.reset();
    }

    /// Opening the database shows its dataset (A) and its calls for the selected problem.
    void theDatabasesOwnDatasetShowsItsCalls()
    {
        QSignalSpy loaded(m_window.get(), &MainWindow::datasetLoaded);
        m_window->openDatabase(m_database);
        QVERIFY(loaded.wait(30000));
        selectProblem(2);
        verifyCallsOfShownProblem();
    }

    void anotherDatasetShowsNoCallsAndSaysWhy()
    {
        openDataset(m_datasetB);
        selectProblem(0);
        verifyNoRunsOf(QStringLiteral("b.jsonl"));
    }

    void theSameFileAsTheStoredDatasetShowsItsCalls()
    {
        openDataset(m_datasetA);
        selectProblem(5);
        verifyCallsOfShownProblem();
    }

    void sameSizeOtherContentShowsNothing()
    {
        openDataset(m_datasetC);
        QCOMPARE(m_window->dataset()->problems.size(), std::size_t(demoLines().size()));
        selectProblem(5);
        verifyNoRunsOf(QStringLiteral("c.jsonl"));
    }

    /// A problem whose id is not the stored problem's at that index gets no evidence, even with the right dataset.
    void aProblemWithAnotherIdShowsNothing()
    {
        openDataset(m_datasetA);
        selectProblem(4);
        verifyCallsOfShownProblem();
        wb::dataset::Problem impostor = m_window->dataset()->problems.at(4);
        impostor.id = "not-in-the-database";
        m_window->inspectorPage()->setProblem(impostor);
        QTRY_VERIFY_WITH_TIMEOUT(!view()->isLoading()
                && view()->resultLabel()->text().contains(QStringLiteral("not the shown “not-in-the-database”")),
            10000);
        QCOMPARE(view()->callTree()->topLevelItemCount(), 0);
        QVERIFY(view()->callDetail()->toPlainText().isEmpty());
    }

private:
    RunCallsView* view() const { return m_window->inspectorPage()->runCallsView(); }

    void openDataset(const QString& path)
    {
        QSignalSpy loaded(m_window.get(), &MainWindow::datasetLoaded);
        m_window->openDataset(path);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(m_window->dataset()->info.path, QFileInfo(path).absoluteFilePath().toStdString());
    }

    void selectProblem(int sourceRow)
    {
        m_window->datasetsPage()->selectProblemRow(sourceRow);
        QCOMPARE(m_window->datasetsPage()->currentProblemRow(), sourceRow);
        m_problem = m_window->dataset()->problems.at(static_cast<std::size_t>(sourceRow));
    }

    /// The calls listed are the selected problem's: every request carries its text.
    void verifyCallsOfShownProblem()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!view()->isLoading() && view()->callTree()->topLevelItemCount() > 0, 20000);
        QCOMPARE(view()->runBox()->count(), 1);
        QVERIFY2(view()->resultLabel()->text().contains(QStringLiteral("Extracted answer")),
            qPrintable(view()->resultLabel()->text()));
        const QString text = QString::fromStdString(m_problem.text);
        for (int row = 0; row < view()->callTree()->topLevelItemCount(); ++row) {
            view()->callTree()->setCurrentItem(view()->callTree()->topLevelItem(row));
            QVERIFY2(view()->callDetail()->toPlainText().contains(text),
                qPrintable(QStringLiteral("call %1 is not of “%2”").arg(row).arg(text)));
        }
    }

    void verifyNoRunsOf(const QString& datasetName)
    {
        const QString message = QStringLiteral("No runs of %1 in results.db").arg(datasetName);
        QTRY_VERIFY_WITH_TIMEOUT(!view()->isLoading() && view()->resultLabel()->text().contains(message), 20000);
        QCOMPARE(view()->callTree()->topLevelItemCount(), 0);
        QCOMPARE(view()->runBox()->count(), 0);
        QVERIFY(!view()->runBox()->isEnabled());
        QVERIFY(view()->callDetail()->toPlainText().isEmpty());
    }

    QTemporaryDir m_dir;
    QString m_datasetA;
    QString m_datasetB;
    QString m_datasetC;
    QString m_database;
    wb::dataset::Problem m_problem;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestEvidence)
#include "tst_evidence.moc"
