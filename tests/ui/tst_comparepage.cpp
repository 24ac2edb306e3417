// SPDX-License-Identifier: Apache-2.0
// The Compare page over fake-server runs: one bar per checked run, one problemActivated() per click, next /
// previous failing problem, Reload seeing new runs, and a layout that fits 1280x600.
#include "support/comparedb.h"
#include "support/testpaths.h"
#include "ui/charts/accuracybarchart.h"
#include "ui/compare/accuracytablemodel.h"
#include "ui/compare/failingproblems.h"
#include "ui/compare/fliptablemodel.h"
#include "ui/compare/problemlistmodel.h"
#include "ui/compare/runlistmodel.h"
#include "ui/compare/sidebysideview.h"
#include "ui/pages/comparepage.h"

#include <QAction>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace wb::ui;

class TestComparePage final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db; ///< three runs: zero-shot-cot twice (same dataset), zero-shot-cot+i3c once
    std::vector<wb::store::RowId> m_runs;

    static std::string demo()
    {
        return QString(wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl")).toStdString();
    }

    /// A page over `db`, shown at the size the main window gives it, with its runs read.
    static std::unique_ptr<ComparePage> openPage(const QString& db, QSize size = QSize(1280, 600))
    {
        auto page = std::make_unique<ComparePage>();
        QSignalSpy loaded(page.get(), &ComparePage::comparisonLoaded);
        page->resize(size);
        page->show();
        page->setDatabase(db);
        if (!loaded.wait(30000))
            return nullptr;
        return page;
    }

    void checkAll(ComparePage& page)
    {
        for (const wb::store::RowId id : m_runs)
            page.runModel()->setChecked(id, true);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("compare.db"));
        auto runs = wb::test::makeComparisonDatabase(
            m_db.toStdString(), demo(), { "zero-shot-cot", "zero-shot-cot+i3c", "zero-shot-cot" });
        QVERIFY2(runs, runs ? "" : runs.error().toString().c_str());
        m_runs = *runs;
    }

    void everyCheckedRunHasItsBar()
    {
        auto page = openPage(m_db);
        QVERIFY(page);
        checkAll(*page);
        QCOMPARE(page->runModel()->checkedRuns().size(), std::size_t(3));
        for (int which = 0; which < ComparePage::ChartCount; ++which) {
            const BarChartData& data = page->chart(static_cast<ComparePage::Chart>(which))->chartData();
            QCOMPARE(data.sets.size(), std::size_t(3));
            QSet<QString> labels;
            for (const BarChartData::Set& set : data.sets) {
                QVERIFY2(set.label.contains(QStringLiteral(" · fake-model")), qPrintable(set.label));
                labels << set.label;
            }
            QCOMPARE(labels.size(), 3); // no two bars read the same
        }
        const BarChartData& byDataset = page->chart(ComparePage::DatasetChart)->chartData();
        QSet<wb::store::RowId> shown;
        for (const BarChartData::Set& set : byDataset.sets) {
            QVERIFY(set.values[0].has_value());
            shown << set.runs[0];
            QVERIFY(set.label.startsWith(QStringLiteral("#%1 · ").arg(set.runs[0])));
        }
        QCOMPARE(shown.size(), 3);
        // The two zero-shot-cot runs share the hue of their method in two shades.
        QCOMPARE(byDataset.sets[0].colorKey, byDataset.sets[1].colorKey);
        QVERIFY(byDataset.sets[0].shade != byDataset.sets[1].shade);
        QCOMPARE(page->accuracyModel()->rowCount(), 3);
    }

    void barClickActivatesOneProblem()
    {
        auto page = openPage(m_db);
        QVERIFY(page);
        QSignalSpy activated(page.get(), &ComparePage::problemActivated);
        AccuracyBarChart* chart = page->chart(ComparePage::DatasetChart);
        QTRY_VERIFY(chart->barRect(0, 0).height() > 10);
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, chart->barRect(0, 0).center().toPoint());
        QCOMPARE(activated.count(), 1);
        const wb::store::RowId run = chart->chartData().sets[0].runs[0];
        const RunOutcome* outcome = page->comparison()->run(run);
        const QList<QVariant> args = activated.first();
        QCOMPARE(args[0].toString(), QString::fromStdString(outcome->datasetHash));
        QCOMPARE(args[1].toLongLong(), page->problemModel()->problemIndex(0));
        const wb::dataset::Problem* problem = page->comparison()->problem(outcome->record.datasetId, 0);
        QVERIFY(problem);
        QCOMPARE(args[2].toString(), QString::fromStdString(problem->id));
        QVERIFY(args[3].value<QList<qint64>>().contains(run));
    }

    void flipCellAndRowActivateWithBothRuns()
    {
        auto page = openPage(m_db);
        QVERIFY(page);
        QSignalSpy activated(page.get(), &ComparePage::problemActivated);
        const auto& pair = page->flipModel()->comparison();
        QVERIFY(pair);
        QTableView* flips = page->flipView();
        const QModelIndex cell = flips->model()->index(FlipTableModel::AWrongRow, FlipTableModel::BRightColumn);
        QTest::mouseClick(flips->viewport(), Qt::LeftButton, {}, flips->visualRect(cell).center());
        QCOMPARE(activated.count(), 1);
        const QList<qint64> runs = activated.first()[3].value<QList<qint64>>();
        QCOMPARE(runs, (QList<qint64> { pair->runA, pair->runB }));
        QVERIFY(page->problemModel()->rowCount() > 1);

        QTableView* problems = page->problemView();
        const QModelIndex second = problems->model()->index(1, ProblemListModel::TextColumn);
        QTest::mouseClick(problems->viewport(), Qt::LeftButton, {}, problems->visualRect(second).center());
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.last()[1].toLongLong(), page->problemModel()->problemIndex(1));
    }

    void f8WalksTheFailingProblems()
    {
        auto page = openPage(m_db);
        QVERIFY(page);
        // Every problem of run A: some fail in A or B, some do not.
        const auto& pair = page->flipModel()->comparison();
        QVERIFY(pair);
        page->showFlipProblems(wb::run::PairedComparison::BothRight);
        const int bothRight = page->problemModel()->rowCount();
        QVERIFY(bothRight > 0);
        QSignalSpy activated(page.get(), &ComparePage::problemActivated);
        page->selectNextFailing(); // none fails in the both-right cell
        QCOMPARE(activated.count(), 0);

        page->showBarProblems(ComparePage::DatasetChart, 0, 0);
        const std::array<wb::store::RowId, 2> runs = page->comparedRuns();
        QVERIFY(runs[0] != 0 && runs[1] != 0);
        activated.clear();
        page->activateWindow();
        page->problemView()->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        QTest::keyClick(page->problemView(), Qt::Key_F8);
        QCOMPARE(activated.count(), 1);
        const int row = page->problemView()->currentIndex().row();
        QVERIFY(
            row > 0 || failsInAny(*page->comparison(), page->problemModel()->problemIndex(0), { runs[0], runs[1] }));
        QVERIFY(failsInAny(*page->comparison(), page->problemModel()->problemIndex(row), { runs[0], runs[1] }));
        for (int skipped = 1; skipped < row; ++skipped)
            QVERIFY(
                !failsInAny(*page->comparison(), page->problemModel()->problemIndex(skipped), { runs[0], runs[1] }));
        QTest::keyClick(page->problemView(), Qt::Key_F8);
        const int next = page->problemView()->currentIndex().row();
        QVERIFY(next != row);
        QTest::keyClick(page->problemView(), Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(page->problemView()->currentIndex().row(), row);
        QVERIFY(!page->nextFailingAction()->toolTip().isEmpty());
    }

    void reloadSeesNewRuns()
    {
        const QString db = m_dir.filePath(QStringLiteral("reload.db"));
        auto first = wb::test::makeComparisonDatabase(db.toStdString(), demo(), { "zero-shot-cot" });
        QVERIFY(first);
        auto page = openPage(db);
        QVERIFY(page);
        QCOMPARE(page->runModel()->rowCount(), 1);
        page->runModel()->setChecked(first->front(), false);
        auto second = wb::test::makeComparisonDatabase(db.toStdString(), demo(), { "zero-shot-cot+i3c" });
        QVERIFY(second);
        QSignalSpy loaded(page.get(), &ComparePage::comparisonLoaded);
        page->reload();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(page->runModel()->rowCount(), 2);
        // The new run is checked, the one the user unchecked stays unchecked.
        QCOMPARE(page->runModel()->checkedRuns(), std::vector<wb::store::RowId> { second->front() });
    }

    void fitsTheWindowWithRoomForTheText()
    {
        auto page = openPage(m_db);
        QVERIFY(page);
        const QSize hint = page->minimumSizeHint();
        QVERIFY2(hint.width() < 1200 && hint.height() < 500,
            qPrintable(QStringLiteral("%1x%2").arg(hint.width()).arg(hint.height())));
        QTRY_VERIFY(page->chart(ComparePage::DatasetChart)->width() >= 300);
        // The side-by-side panes get the height of the bottom half, not a few lines.
        QVERIFY2(
            page->reasoningView(0)->height() >= 180, qPrintable(QString::number(page->reasoningView(0)->height())));
        QVERIFY(page->reasoningView(0)->width() >= 200);
    }

    void splitterSizesRoundTrip()
    {
        auto page = openPage(m_db);
        QVERIFY(page);
        SideBySideView* panes = page->sideBySide();
        panes->setSizes({ 150, 450 });
        const QList<int> wanted = panes->sizes();
        const QByteArray state = page->saveLayout();
        auto other = openPage(m_db);
        QVERIFY(other);
        QVERIFY(!other->restoreLayout(QByteArray("junk")));
        QVERIFY(other->restoreLayout(state));
        QCOMPARE(other->sideBySide()->sizes(), wanted);
    }
};

QTEST_MAIN(TestComparePage)
#include "tst_comparepage.moc"
