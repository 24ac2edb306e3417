// SPDX-License-Identifier: Apache-2.0
#include "ui/models/conditiontablemodel.h"
#include "ui/models/problemfilterproxy.h"
#include "ui/models/problemtablemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using wb::dataset::Dataset;
using wb::dataset::Problem;
using wb::ui::ConditionTableModel;
using wb::ui::ProblemFilterProxy;
using wb::ui::ProblemTableModel;

namespace {

Problem makeProblem(std::size_t index, std::string id, std::string text, std::vector<std::string> conditions,
    std::vector<int> goldIrrelevant = {}, std::optional<double> gold = std::nullopt)
{
    Problem p;
    p.index = index;
    p.id = std::move(id);
    p.text = std::move(text);
    p.conditions = std::move(conditions);
    p.question = "How many?";
    p.goldIrrelevant = std::move(goldIrrelevant);
    p.hasGoldAnnotation = true;
    p.goldNumber = gold;
    p.goldAnswerText = gold ? std::to_string(static_cast<int>(*gold)) : std::string();
    return p;
}

std::shared_ptr<const Dataset> sampleDataset()
{
    auto d = std::make_shared<Dataset>();
    d->info.name = "sample.jsonl";
    d->problems.push_back(makeProblem(0, "10", "Tom has 3 apples.\nHow many?", { "Tom has 3 apples." }, {}, 3));
    d->problems.push_back(makeProblem(
        1, "2", "Ann buys 4 pens. Her dog is 5. How many?", { "Ann buys 4 pens.", "Her dog is 5." }, { 1 }, 4));
    d->problems.push_back(makeProblem(2, "100", "Zed walks 120 km. He rests 2 hours. Sky is blue. How many?",
        { "Zed walks 120 km.", "He rests 2 hours.", "Sky is blue." }, { 2 }, 120));
    return d;
}

std::vector<int> visibleIndices(const QAbstractItemModel& proxy)
{
    std::vector<int> rows;
    for (int r = 0; r < proxy.rowCount(); ++r)
        rows.push_back(proxy.index(r, 0).data(ProblemTableModel::ProblemIndexRole).toInt());
    return rows;
}

} // namespace

class TestProblemTableModel final : public QObject {
    Q_OBJECT
private slots:
    void modelPassesTester();
    void displayAndSortRoles_data();
    void displayAndSortRoles();
    void candidateCounts();
    void proxyPassesTester();
    void proxySortsNumerically_data();
    void proxySortsNumerically();
    void proxyFilters_data();
    void proxyFilters();
    void conditionModelPassesTester();
    void conditionModelMarks();
    void largeDatasetStaysFast();
};

void TestProblemTableModel::modelPassesTester()
{
    ProblemTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setDataset(sampleDataset());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ProblemTableModel::ColumnCount));
    model.setCandidateCounts(0, { 1, 2 });
    model.setDataset(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestProblemTableModel::displayAndSortRoles_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("display");
    QTest::addColumn<QVariant>("sort");
    QTest::newRow("index is 1-based") << 1 << int(ProblemTableModel::IndexColumn) << QVariant(2ULL) << QVariant(1ULL);
    QTest::newRow("id") << 2 << int(ProblemTableModel::IdColumn) << QVariant(QStringLiteral("100"))
                        << QVariant(QStringLiteral("100"));
    QTest::newRow("text is one line") << 0 << int(ProblemTableModel::TextColumn)
                                      << QVariant(QStringLiteral("Tom has 3 apples. How many?"))
                                      << QVariant(QStringLiteral("Tom has 3 apples.\nHow many?"));
    QTest::newRow("conditions") << 2 << int(ProblemTableModel::ConditionsColumn) << QVariant(3) << QVariant(3);
    QTest::newRow("gold sorts as number")
        << 2 << int(ProblemTableModel::GoldAnswerColumn) << QVariant(QStringLiteral("120")) << QVariant(120.0);
    QTest::newRow("gold irrelevant") << 1 << int(ProblemTableModel::GoldIrrelevantColumn)
                                     << QVariant(QStringLiteral("c2")) << QVariant(1);
    QTest::newRow("annotated clean") << 0 << int(ProblemTableModel::GoldIrrelevantColumn)
                                     << QVariant(QStringLiteral("–")) << QVariant(0);
    QTest::newRow("candidates unknown") << 0 << int(ProblemTableModel::CandidatesColumn)
                                        << QVariant(QStringLiteral("…")) << QVariant(ProblemTableModel::kUnknownCount);
}

void TestProblemTableModel::displayAndSortRoles()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QVariant, display);
    QFETCH(QVariant, sort);
    ProblemTableModel model;
    model.setDataset(sampleDataset());
    const QModelIndex index = model.index(row, column);
    QCOMPARE(index.data(Qt::DisplayRole), display);
    QCOMPARE(index.data(ProblemTableModel::SortRole), sort);
}

void TestProblemTableModel::candidateCounts()
{
    ProblemTableModel model;
    model.setDataset(sampleDataset());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setCandidateCounts(1, { 2, 0 });
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(1, ProblemTableModel::CandidatesColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(2, ProblemTableModel::CandidatesColumn));
    QCOMPARE(model.index(1, ProblemTableModel::CandidatesColumn).data().toInt(), 2);
    QCOMPARE(model.candidateCount(0), ProblemTableModel::kUnknownCount);
    model.setCandidateCounts(2, { 1, 1 }); // out of range: ignored
    QCOMPARE(model.candidateCount(2), 0);
    model.clearCandidateCounts();
    QCOMPARE(model.candidateCount(1), ProblemTableModel::kUnknownCount);
}

void TestProblemTableModel::proxyPassesTester()
{
    ProblemTableModel model;
    ProblemFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDataset(sampleDataset());
    proxy.sort(ProblemTableModel::TextColumn, Qt::DescendingOrder);
    proxy.setSearchText(QStringLiteral("ann"));
    proxy.setOnlyGoldIrrelevant(true);
    model.setCandidateCounts(0, { 0, 1, 2 });
    proxy.setOnlyWithCandidates(true);
    proxy.setSearchText({});
    model.setDataset(sampleDataset());
}

void TestProblemTableModel::proxySortsNumerically_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<std::vector<int>>("expected");
    QTest::newRow("numeric ids: 2 < 10 < 100") << int(ProblemTableModel::IdColumn) << std::vector<int> { 1, 0, 2 };
    QTest::newRow("gold as numbers") << int(ProblemTableModel::GoldAnswerColumn) << std::vector<int> { 0, 1, 2 };
    QTest::newRow("text") << int(ProblemTableModel::TextColumn) << std::vector<int> { 1, 0, 2 };
    QTest::newRow("conditions") << int(ProblemTableModel::ConditionsColumn) << std::vector<int> { 0, 1, 2 };
}

void TestProblemTableModel::proxySortsNumerically()
{
    QFETCH(int, column);
    QFETCH(std::vector<int>, expected);
    ProblemTableModel model;
    ProblemFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.setDataset(sampleDataset());
    proxy.sort(column, Qt::AscendingOrder);
    QCOMPARE(visibleIndices(proxy), expected);
}

void TestProblemTableModel::proxyFilters_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<bool>("onlyGold");
    QTest::addColumn<bool>("onlyCandidates");
    QTest::addColumn<std::vector<int>>("expected");
    QTest::newRow("no filter") << QString() << false << false << std::vector<int> { 0, 1, 2 };
    QTest::newRow("search is case-insensitive") << QStringLiteral("ZED") << false << false << std::vector<int> { 2 };
    QTest::newRow("search matches id") << QStringLiteral("100") << false << false << std::vector<int> { 2 };
    QTest::newRow("gold irrelevant") << QString() << true << false << std::vector<int> { 1, 2 };
    QTest::newRow("has candidates") << QString() << false << true << std::vector<int> { 2 };
    QTest::newRow("combined") << QStringLiteral("pens") << true << true << std::vector<int> {};
}

void TestProblemTableModel::proxyFilters()
{
    QFETCH(QString, search);
    QFETCH(bool, onlyGold);
    QFETCH(bool, onlyCandidates);
    QFETCH(std::vector<int>, expected);
    ProblemTableModel model;
    ProblemFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.setDataset(sampleDataset());
    model.setCandidateCounts(0, { 0, ProblemTableModel::kUnknownCount, 2 });
    proxy.sort(ProblemTableModel::IndexColumn);
    proxy.setSearchText(search);
    proxy.setOnlyGoldIrrelevant(onlyGold);
    proxy.setOnlyWithCandidates(onlyCandidates);
    QCOMPARE(visibleIndices(proxy), expected);
}

void TestProblemTableModel::conditionModelPassesTester()
{
    ConditionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto dataset = sampleDataset();
    model.setProblem(dataset->problems[2]);
    QCOMPARE(model.rowCount(), 3);
    wb::relevance::RelevanceReport report;
    report.sq = { 0.7, 0.6, 0.1 };
    report.sc = { 0.55, 0.5, 0.2 };
    report.candidates = { 2 };
    model.setReport(report);
    model.setReport(std::nullopt);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestProblemTableModel::conditionModelMarks()
{
    ConditionTableModel model;
    Problem p = sampleDataset()->problems[2];
    p.referenceSq = { 0.8, 0.4, 0.2 };
    p.referenceCandidates = { 1, 2 };
    model.setProblem(p);
    QVERIFY(!model.index(0, ConditionTableModel::SqColumn).data(ConditionTableModel::HeatValueRole).isValid());
    QCOMPARE(model.index(1, ConditionTableModel::ReferenceSqColumn).data(ConditionTableModel::HeatValueRole).toDouble(),
        0.4);
    QCOMPARE(model.index(1, ConditionTableModel::ReferenceCandidateColumn).data(ConditionTableModel::SortRole).toBool(),
        true);
    QCOMPARE(model.index(0, ConditionTableModel::ReferenceCandidateColumn).data(ConditionTableModel::SortRole).toBool(),
        false);
    QCOMPARE(model.index(2, ConditionTableModel::GoldColumn).data().toString(), QStringLiteral("✔"));
    QCOMPARE(model.index(2, ConditionTableModel::LabelColumn).data().toString(), QStringLiteral("c3"));
    QCOMPARE(model.index(2, ConditionTableModel::TextColumn).data().toString(), QStringLiteral("Sky is blue."));

    wb::relevance::RelevanceReport report;
    report.sq = { 0.7, 0.6, 0.1 };
    report.sc = { 0.55, 0.5, 0.2 };
    report.candidates = { 2 };
    model.setReport(report);
    QCOMPARE(model.index(0, ConditionTableModel::SqColumn).data().toString(), QStringLiteral("0.700"));
    QCOMPARE(model.index(2, ConditionTableModel::ScColumn).data(ConditionTableModel::HeatValueRole).toDouble(), 0.2);
    QVERIFY(model.isCandidate(2));
    QVERIFY(!model.isCandidate(1));
    QCOMPARE(model.index(2, ConditionTableModel::CandidateColumn).data(ConditionTableModel::SortRole).toBool(), true);
}

void TestProblemTableModel::largeDatasetStaysFast()
{
    // 58,000 problems (the largest file users load): reset, sort and filter work on the core vector. The time is
    // printed for the record, not asserted (no timed unit tests).
    auto d = std::make_shared<Dataset>();
    d->problems.reserve(58000);
    for (std::size_t i = 0; i < 58000; ++i) {
        d->problems.push_back(makeProblem(i, std::to_string(58000 - i),
            "Problem " + std::to_string(i) + " has 3 apples and 4 pears. How many fruits?",
            { "has 3 apples", "and 4 pears" }, i % 7 == 0 ? std::vector<int> { 1 } : std::vector<int> {},
            static_cast<double>(i % 100)));
    }
    ProblemTableModel model;
    ProblemFilterProxy proxy;
    proxy.setSourceModel(&model);
    QElapsedTimer timer;
    timer.start();
    model.setDataset(d);
    proxy.sort(ProblemTableModel::IdColumn);
    proxy.setOnlyGoldIrrelevant(true);
    proxy.setSearchText(QStringLiteral("problem 57"));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(proxy.rowCount(), 158); // multiples of 7 among 57, 570..579, 5700..5799, 57000..57999
    qInfo("reset + sort + filter of 58,000 rows: %lld ms", elapsed);
    proxy.setSearchText({});
    proxy.setOnlyGoldIrrelevant(false);
    QCOMPARE(proxy.rowCount(), 58000);
    // Sorted by id ("58000" .. "1" numerically ascending): the first row is the last problem.
    QCOMPARE(proxy.index(0, 0).data(ProblemTableModel::ProblemIndexRole).toInt(), 57999);
}

QTEST_GUILESS_MAIN(TestProblemTableModel)
#include "tst_problemtablemodel.moc"
