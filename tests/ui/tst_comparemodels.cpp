// SPDX-License-Identifier: Apache-2.0
// Compare page models over a database with two fake-server runs: model contracts, and every number equal to
// what core/eval computes from the stored results.
#include "support/comparedb.h"
#include "support/testpaths.h"
#include "ui/compare/accuracytablemodel.h"
#include "ui/compare/comparison.h"
#include "ui/compare/fliptablemodel.h"
#include "ui/compare/problemlistmodel.h"
#include "ui/compare/runlabels.h"
#include "ui/compare/runlistmodel.h"
#include "ui/compare/worddiff.h"

#include "core/eval/statistics.h"
#include "core/store/store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace wb::ui;

Q_DECLARE_METATYPE(std::vector<DiffWord>)

class TestCompareModels final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_db;
    std::vector<wb::store::RowId> m_runs;
    std::shared_ptr<const ComparisonData> m_data;

    /// Outcomes straight from the store's result statuses, as `i3c compare` reads them.
    std::vector<wb::eval::Outcome> storedCorrect(wb::store::RowId run)
    {
        auto store = wb::store::Store::open(m_db);
        auto results = store->loadResults(run);
        std::vector<wb::eval::Outcome> outcomes(36);
        for (const auto& r : *results) {
            if (r.status == wb::store::ProblemStatus::Correct || r.status == wb::store::ProblemStatus::Wrong)
                outcomes[static_cast<std::size_t>(r.problemIndex)] = r.status == wb::store::ProblemStatus::Correct;
        }
        return outcomes;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = QString(m_dir.path() + QStringLiteral("/compare.db")).toStdString();
        const std::string demo
            = QString(wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl")).toStdString();
        auto runs = wb::test::makeComparisonDatabase(m_db, demo);
        QVERIFY2(runs, runs ? "" : runs.error().toString().c_str());
        m_runs = *runs;
        auto data = loadComparison(m_db);
        QVERIFY2(data, data ? "" : data.error().toString().c_str());
        m_data = std::make_shared<const ComparisonData>(std::move(*data));
    }

    void loadsRunsWithOutcomes()
    {
        QCOMPARE(m_data->runs.size(), std::size_t(2));
        for (const RunOutcome& run : m_data->runs) {
            QCOMPARE(run.problems.size(), std::size_t(36));
            QCOMPARE(run.datasetName, std::string("demo.jsonl"));
            QVERIFY(!run.config.methodHash.empty());
        }
        const RunOutcome* i3c = m_data->run(m_runs[1]);
        QVERIFY(i3c);
        QCOMPARE(i3c->config.methodId, std::string("zero-shot-cot+i3c"));
        // The I3C run records its candidates; some demo problems have at least one.
        QVERIFY(std::any_of(
            i3c->problems.begin(), i3c->problems.end(), [](const auto& p) { return p.second.candidates > 0; }));
    }

    void runListIsCheckable()
    {
        RunListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &RunListModel::checkedRunsChanged);
        model.setComparison(m_data);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.checkedRuns().size(), std::size_t(2));
        QVERIFY(model.setData(model.index(0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.checkedRuns().size(), std::size_t(1));
        QCOMPARE(model.index(0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(model.flags(model.index(0)) & Qt::ItemIsUserCheckable);
        QCOMPARE(changed.count(), 2);
    }

    void accuracyTableMatchesCore()
    {
        AccuracyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns(m_data, m_runs);
        QCOMPARE(model.rowCount(), 2);
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto id = model.index(row, 0).data(AccuracyTableModel::RunIdRole).toLongLong();
            const wb::eval::Accuracy expected = wb::eval::accuracy(storedCorrect(id));
            QCOMPARE(
                model.index(row, AccuracyTableModel::CorrectColumn).data().toULongLong(), qulonglong(expected.correct));
            QCOMPARE(model.index(row, AccuracyTableModel::AccuracyColumn).data(AccuracyTableModel::SortRole).toDouble(),
                expected.value);
            QCOMPARE(model.index(row, AccuracyTableModel::CiLowColumn).data(AccuracyTableModel::SortRole).toDouble(),
                expected.ci.low);
            QCOMPARE(model.index(row, AccuracyTableModel::CiHighColumn).data(AccuracyTableModel::SortRole).toDouble(),
                expected.ci.high);
        }
        // The fake server answers more problems right with the I3C instruction: the runs must differ.
        QVERIFY(model.accuracy(0).value != model.accuracy(1).value);
    }

    void flipTableMatchesCore()
    {
        // Pairs are the problems both runs answered.
        const std::vector<wb::eval::Outcome> outcomesA = storedCorrect(m_runs[0]);
        const std::vector<wb::eval::Outcome> outcomesB = storedCorrect(m_runs[1]);
        std::vector<bool> a;
        std::vector<bool> b;
        for (std::size_t i = 0; i < outcomesA.size(); ++i) {
            if (outcomesA[i] && outcomesB[i]) {
                a.push_back(*outcomesA[i]);
                b.push_back(*outcomesB[i]);
            }
        }
        const wb::eval::FlipTable expected = wb::eval::flipTable(a, b);
        auto pair = wb::run::comparePaired(m_data->run(m_runs[0])->scored, m_data->run(m_runs[1])->scored);
        QVERIFY(pair);
        FlipTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setComparison(*pair, QStringLiteral("A"), QStringLiteral("B"));
        const auto count = [&](int row, int column) {
            return model.index(row, column).data(FlipTableModel::CountRole).toULongLong();
        };
        QCOMPARE(count(FlipTableModel::ARightRow, FlipTableModel::BRightColumn), qulonglong(expected.bothRight));
        QCOMPARE(count(FlipTableModel::ARightRow, FlipTableModel::BWrongColumn), qulonglong(expected.rightToWrong));
        QCOMPARE(count(FlipTableModel::AWrongRow, FlipTableModel::BRightColumn), qulonglong(expected.wrongToRight));
        QCOMPARE(count(FlipTableModel::AWrongRow, FlipTableModel::BWrongColumn), qulonglong(expected.bothWrong));
        QCOMPARE(pair->mcnemarP, wb::eval::mcnemarExactP(expected.rightToWrong, expected.wrongToRight));
        const wb::eval::Interval ci = wb::eval::pairedBootstrapDifference(a, b);
        QCOMPARE(pair->differenceCi.low, ci.low);
        QCOMPARE(pair->differenceCi.high, ci.high);
        QVERIFY(expected.rightToWrong + expected.wrongToRight > 0);
    }

    void chartDataGroupsProblems()
    {
        const BarChartData byDataset = accuracyByDataset(*m_data, m_runs);
        QCOMPARE(byDataset.categories, QStringList { QStringLiteral("demo.jsonl") });
        QCOMPARE(byDataset.sets.size(), std::size_t(2));
        QCOMPARE(byDataset.sets[0].problems[0].size(), std::size_t(36));
        const BarChartData byCandidates = accuracyByCandidates(*m_data, m_runs);
        QCOMPARE(byCandidates.categories.size(), 4);
        std::size_t counted = 0;
        for (const auto& problems : byCandidates.sets[0].problems)
            counted += problems.size();
        QCOMPARE(counted, std::size_t(36)); // the I3C run gives every problem a count, also for the other run
        const BarChartData byGold = accuracyByGoldIrrelevant(*m_data, m_runs);
        QCOMPARE(byGold.sets[0].problems[0].size() + byGold.sets[0].problems[1].size(), std::size_t(36));
        QVERIFY(!byGold.sets[0].problems[0].empty());
    }

    void labelsNameOnlyTheSettingsThatDiffer()
    {
        // A third run: the first one again with another θ, as a rerun with the slider moved would be.
        ComparisonData data = *m_data;
        RunOutcome rerun = *m_data->run(m_runs[0]);
        rerun.record.id = 99;
        rerun.config.theta = 0.3;
        data.runs.insert(data.runs.begin(), rerun);
        std::vector<wb::store::RowId> ids = m_runs;
        ids.push_back(99);
        const BarChartData chart = accuracyByDataset(data, ids);
        QCOMPARE(chart.sets.size(), std::size_t(3));
        QStringList labels;
        for (const BarChartData::Set& set : chart.sets)
            labels << set.label;
        const QString method = QString::fromStdString(rerun.config.methodId);
        QVERIFY2(labels.contains(QStringLiteral("#99 · %1 · fake-model · θ=0.3").arg(method)),
            qPrintable(labels.join(u'|')));
        QVERIFY(labels.contains(QStringLiteral("#%1 · %2 · fake-model · θ=0.5").arg(m_runs[0]).arg(method)));
        for (const QString& label : labels)
            QVERIFY2(!label.contains(QStringLiteral("encoder")) && !label.contains(QStringLiteral("method version")),
                qPrintable(label));
        // Without the rerun nothing but method and model tells the two runs apart.
        const BarChartData two = accuracyByDataset(*m_data, m_runs);
        QVERIFY(!two.sets[0].label.contains(QStringLiteral("θ")));
        AccuracyTableModel table;
        table.setRuns(std::make_shared<const ComparisonData>(data), ids);
        QCOMPARE(table.rowCount(), 3);
        QCOMPARE(table.index(0, AccuracyTableModel::SettingsColumn).data().toString(), QStringLiteral("θ=0.3"));
    }

    void accuracyTableSplitsByGroup()
    {
        AccuracyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns(m_data, { m_runs[0] });
        model.setGrouping(QStringLiteral("Parity"), [](const RunOutcome&, std::int64_t problem) {
            return std::vector<std::string> { problem % 2 == 0 ? "even" : "odd" };
        });
        QVERIFY(model.grouped());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(
            model.headerData(AccuracyTableModel::GroupColumn, Qt::Horizontal).toString(), QStringLiteral("Parity"));
        QCOMPARE(model.group(0), QStringLiteral("even"));
        QCOMPARE(model.index(0, AccuracyTableModel::PlannedColumn).data().toULongLong(), qulonglong(18));
        const std::vector<wb::eval::Outcome> all = storedCorrect(m_runs[0]);
        std::vector<wb::eval::Outcome> even;
        for (std::size_t i = 0; i < all.size(); i += 2)
            even.push_back(all[i]);
        QCOMPARE(model.accuracy(0).value, wb::eval::accuracy(even).value);
        model.setGrouping({}, {});
        QCOMPARE(model.rowCount(), 1);
    }

    void problemListShowsBothRuns()
    {
        auto pair = wb::run::comparePaired(m_data->run(m_runs[0])->scored, m_data->run(m_runs[1])->scored);
        ProblemListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProblems(m_data, m_runs[0], m_runs[1], pair->cells[wb::run::PairedComparison::WrongToRight]);
        QCOMPARE(model.rowCount(), int(pair->flips.wrongToRight));
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.index(0, ProblemListModel::CorrectAColumn).data().toString(), QStringLiteral("✗"));
        QCOMPARE(model.index(0, ProblemListModel::CorrectBColumn).data().toString(), QStringLiteral("✓"));
        QVERIFY(!model.index(0, ProblemListModel::TextColumn).data().toString().isEmpty());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void wordDiffMarksChanges_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QString>("leftOnly");
        QTest::addColumn<QString>("rightOnly");
        QTest::newRow("same") << "a b c"
                              << "a b c"
                              << ""
                              << "";
        QTest::newRow("changed") << "the answer is 5."
                                 << "the answer is 6."
                                 << "5."
                                 << "6.";
        QTest::newRow("inserted") << "add the numbers"
                                  << "first drop c2, then add the numbers"
                                  << ""
                                  << "first drop c2, then";
        QTest::newRow("deleted") << "x y z"
                                 << "x z"
                                 << "y"
                                 << "";
        QTest::newRow("empty left") << ""
                                    << "one two"
                                    << ""
                                    << "one two";
        QTest::newRow("whitespace") << "a\n\nb"
                                    << "a b"
                                    << ""
                                    << "";
    }

    void wordDiffMarksChanges()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QString, leftOnly);
        QFETCH(QString, rightOnly);
        const std::vector<DiffWord> diff = wordDiff(diffWords(left), diffWords(right));
        QStringList l, r, bothLeft, bothRight;
        for (const DiffWord& w : diff) {
            if (w.side == DiffWord::Side::Left)
                l << w.word;
            else if (w.side == DiffWord::Side::Right)
                r << w.word;
            if (w.side != DiffWord::Side::Right)
                bothLeft << w.word;
            if (w.side != DiffWord::Side::Left)
                bothRight << w.word;
        }
        QCOMPARE(l.join(QLatin1Char(' ')), leftOnly);
        QCOMPARE(r.join(QLatin1Char(' ')), rightOnly);
        // Each side's words, in order, rebuild that side.
        QCOMPARE(bothLeft, diffWords(left));
        QCOMPARE(bothRight, diffWords(right));
    }

    void wordDiffHtmlEscapesAndHighlights()
    {
        const auto diff = wordDiff(diffWords(QStringLiteral("a <b>")), diffWords(QStringLiteral("a c")));
        const QString left = diffSideHtml(diff, DiffWord::Side::Left);
        QVERIFY(left.contains(QStringLiteral("&lt;b&gt;")));
        QVERIFY(left.contains(QStringLiteral("<span")));
        QVERIFY(!left.contains(QStringLiteral(">c<")));
    }
};

QTEST_GUILESS_MAIN(TestCompareModels)
#include "tst_comparemodels.moc"
