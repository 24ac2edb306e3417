// SPDX-License-Identifier: Apache-2.0
#include "core/run/progress.h"
#include "ui/runs/runsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using wb::ui::RunRow;
using wb::ui::RunsModel;

namespace {
RunRow makeRow(wb::store::RowId id, const char* name, wb::store::RunStatus status, std::size_t done, std::size_t errors,
    std::size_t results, std::size_t correct, std::size_t problems)
{
    RunRow row;
    row.record.id = id;
    row.record.name = name;
    row.record.status = status;
    row.record.doneCalls = done;
    row.record.errorCalls = errors;
    row.record.results = results;
    row.record.correct = correct;
    row.record.wrong = results - correct; // every result answered unless a test says otherwise
    row.datasetName = "demo.jsonl";
    row.methodId = "zero-shot-cot+i3c";
    row.model = "fake-echo";
    row.problems = problems;
    return row;
}
} // namespace

class TestRunsModel final : public QObject {
    Q_OBJECT
private slots:
    void passesModelTester();
    void displaysRunFields();
    void accuracyIsOverAnsweredProblems_data();
    void accuracyIsOverAnsweredProblems();
    void unansweredProblemsShowInStatusAndCoverage();
    void sortsNumericallyThroughProxy();
    void liveProgressUpdatesOneRow();
    void unknownRunIsIgnored();
};

void TestRunsModel::passesModelTester()
{
    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({ makeRow(2, "b", wb::store::RunStatus::Completed, 90, 0, 30, 20, 30),
        makeRow(1, "a", wb::store::RunStatus::Cancelled, 10, 1, 3, 1, 30) });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(RunsModel::ColumnCount));
    wb::run::Progress progress;
    progress.doneCalls = 12;
    progress.totalCalls = 90;
    progress.doneProblems = 4;
    progress.totalProblems = 30;
    model.updateProgress(1, progress);
    model.setStatus(1, wb::store::RunStatus::Completed);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void TestRunsModel::displaysRunFields()
{
    RunsModel model;
    model.setRows({ makeRow(7, "first try", wb::store::RunStatus::Cancelled, 1234, 3, 40, 30, 50) });
    const auto text = [&](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(text(RunsModel::IdColumn), QStringLiteral("7"));
    QCOMPARE(text(RunsModel::NameColumn), QStringLiteral("first try"));
    QCOMPARE(text(RunsModel::DatasetColumn), QStringLiteral("demo.jsonl"));
    QCOMPARE(text(RunsModel::MethodColumn), QStringLiteral("zero-shot-cot+i3c"));
    QCOMPARE(text(RunsModel::ModelColumn), QStringLiteral("fake-echo"));
    QCOMPARE(text(RunsModel::StatusColumn), QStringLiteral("cancelled with 10 unfinished"));
    QVERIFY2(
        text(RunsModel::CallsColumn).contains(QStringLiteral("3 errors")), qPrintable(text(RunsModel::CallsColumn)));
    QCOMPARE(text(RunsModel::ResultsColumn), QStringLiteral("40/50"));
    QCOMPARE(text(RunsModel::AccuracyColumn), QLocale().toString(75.0, 'f', 1) + QLatin1Char('%'));
    QCOMPARE(text(RunsModel::CoverageColumn), QStringLiteral("40/50"));
    QCOMPARE(model.index(0, 0).data(RunsModel::RunIdRole).toLongLong(), 7);
    QCOMPARE(model.index(0, 0).data(RunsModel::StatusRole).toInt(), int(wb::store::RunStatus::Cancelled));
    QCOMPARE(model.headerData(RunsModel::AccuracyColumn, Qt::Horizontal).toString(), QStringLiteral("Accuracy"));
}

void TestRunsModel::accuracyIsOverAnsweredProblems_data()
{
    QTest::addColumn<int>("correct");
    QTest::addColumn<int>("wrong");
    QTest::addColumn<int>("unanswered");
    QTest::addColumn<double>("expected");
    QTest::newRow("all right") << 10 << 0 << 0 << 1.0;
    QTest::newRow("half") << 5 << 5 << 0 << 0.5;
    QTest::newRow("errors are not wrong") << 5 << 0 << 5 << 1.0;
    QTest::newRow("none right") << 0 << 10 << 0 << 0.0;
    QTest::newRow("nothing answered") << 0 << 0 << 10 << -1.0;
}

void TestRunsModel::accuracyIsOverAnsweredProblems()
{
    QFETCH(int, correct);
    QFETCH(int, wrong);
    QFETCH(int, unanswered);
    QFETCH(double, expected);
    const std::size_t results = std::size_t(correct + wrong + unanswered);
    RunRow row = makeRow(1, "", wb::store::RunStatus::Completed, 0, 0, results, std::size_t(correct), results);
    row.record.wrong = std::size_t(wrong);
    row.record.errors = std::size_t(unanswered);
    QCOMPARE(RunsModel::accuracy(row), expected);
}

void TestRunsModel::unansweredProblemsShowInStatusAndCoverage()
{
    RunsModel model;
    RunRow row = makeRow(3, "", wb::store::RunStatus::Completed, 30, 4, 10, 3, 10);
    row.record.wrong = 2;
    row.record.noAnswer = 1;
    row.record.errors = 4;
    RunRow failed = makeRow(4, "", wb::store::RunStatus::Completed, 0, 10, 10, 0, 10);
    failed.record.wrong = 0;
    failed.record.errors = 10;
    model.setRows({ row, failed });
    const auto text = [&](int r, int column) { return model.index(r, column).data().toString(); };
    QCOMPARE(text(0, RunsModel::StatusColumn), QStringLiteral("completed with 4 errors, 1 without answer"));
    QCOMPARE(text(0, RunsModel::AccuracyColumn), QLocale().toString(60.0, 'f', 1) + QLatin1Char('%'));
    QCOMPARE(text(0, RunsModel::CoverageColumn), QStringLiteral("5/10 (1 no answer, 4 errors)"));
    // A run that failed entirely has no accuracy, not 0, and never reads as plain "completed".
    QCOMPARE(text(1, RunsModel::StatusColumn), QStringLiteral("completed: nothing answered (10 errors)"));
    QCOMPARE(text(1, RunsModel::AccuracyColumn), QStringLiteral("n/a"));
}

void TestRunsModel::sortsNumericallyThroughProxy()
{
    RunsModel model;
    model.setRows({ makeRow(9, "", wb::store::RunStatus::Completed, 9, 0, 1, 1, 1),
        makeRow(10, "", wb::store::RunStatus::Completed, 100, 0, 1, 1, 1),
        makeRow(2, "", wb::store::RunStatus::Completed, 20, 0, 1, 1, 1) });
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(RunsModel::SortRole);
    proxy.sort(RunsModel::CallsColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, RunsModel::IdColumn).data().toLongLong(), 9); // 9 calls
    QCOMPARE(proxy.index(1, RunsModel::IdColumn).data().toLongLong(), 2); // 20 calls (text order would put it last)
    QCOMPARE(proxy.index(2, RunsModel::IdColumn).data().toLongLong(), 10); // 100 calls
    proxy.sort(RunsModel::IdColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, RunsModel::IdColumn).data().toLongLong(), 10);
}

void TestRunsModel::liveProgressUpdatesOneRow()
{
    RunsModel model;
    model.setRows({ makeRow(3, "", wb::store::RunStatus::Planned, 0, 0, 0, 0, 0),
        makeRow(4, "", wb::store::RunStatus::Completed, 5, 0, 5, 5, 5) });
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    wb::run::Progress progress;
    progress.doneCalls = 17;
    progress.totalCalls = 40;
    progress.doneProblems = 6;
    progress.totalProblems = 12;
    model.updateProgress(3, progress);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    const RunRow* row = model.findRun(3);
    QCOMPARE(row->record.doneCalls, std::size_t(17));
    QCOMPARE(row->record.results, std::size_t(6));
    QCOMPARE(row->problems, std::size_t(12));
    QCOMPARE(row->record.status, wb::store::RunStatus::Running);
    QCOMPARE(model.findRun(4)->record.doneCalls, std::size_t(5));
}

void TestRunsModel::unknownRunIsIgnored()
{
    RunsModel model;
    model.setRows({ makeRow(3, "", wb::store::RunStatus::Planned, 0, 0, 0, 0, 0) });
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.updateProgress(99, wb::run::Progress {});
    model.setStatus(99, wb::store::RunStatus::Completed);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.rowOf(99), -1);
    QVERIFY(!model.findRun(99));
}

QTEST_GUILESS_MAIN(TestRunsModel)
#include "tst_runsmodel.moc"
