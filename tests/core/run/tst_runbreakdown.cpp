// SPDX-License-Identifier: Apache-2.0
#include "core/run/runbreakdown.h"
#include "core/run/runconfig.h"
#include "core/store/store.h"

#include <QtTest>

namespace {

wb::dataset::Problem makeProblem(std::size_t index, bool annotated, std::vector<int> goldIrrelevant)
{
    wb::dataset::Problem problem;
    problem.index = index;
    problem.id = std::to_string(index + 1);
    problem.text = "Ann has " + std::to_string(index + 2) + " pens. How many pens does Ann have?";
    problem.conditions = { "Ann has " + std::to_string(index + 2) + " pens." };
    problem.question = "How many pens does Ann have?";
    problem.goldAnswerText = std::to_string(index + 2);
    problem.goldNumber = double(index + 2);
    problem.hasGoldAnnotation = annotated;
    problem.goldIrrelevant = std::move(goldIrrelevant);
    return problem;
}

} // namespace

class TestRunBreakdown final : public QObject {
    Q_OBJECT
private slots:
    void groupsByCandidatesAndGoldAnnotation()
    {
        auto store = wb::store::Store::openMemory();
        QVERIFY(store.ok());
        wb::dataset::DatasetInfo info;
        info.path = "mem.jsonl";
        info.name = "mem.jsonl";
        info.format = wb::dataset::Format::Jsonl;
        info.contentHash = "abc";
        std::vector<wb::dataset::Problem> problems { makeProblem(0, true, { 0 }), makeProblem(1, true, {}),
            makeProblem(2, false, {}), makeProblem(3, true, { 0 }), makeProblem(4, false, {}) };
        info.problemCount = problems.size();
        auto imported = store->importDataset(info, problems);
        QVERIFY(imported.ok());

        wb::run::RunConfig config;
        config.datasetPath = info.path;
        config.datasetHash = info.contentHash;
        config.methodId = "direct";
        wb::store::NewRun newRun;
        newRun.datasetId = imported->datasetId;
        newRun.configJson = config.canonicalJson();
        auto runId = store->createRun(newRun);
        QVERIFY(runId.ok());

        // candidates: 0, 1, 3, 5, (no result); correct: yes, no, yes, yes, -
        const std::vector<std::pair<const char*, bool>> outcomes { { "[]", true }, { "[0]", false },
            { "[0,1,2]", true }, { "[0,1,2,3,4]", true } };
        for (std::size_t i = 0; i < outcomes.size(); ++i) {
            wb::store::ResultRecord result;
            result.runId = *runId;
            result.problemIndex = std::int64_t(i);
            result.correct = outcomes[i].second;
            result.status = outcomes[i].second ? wb::store::ProblemStatus::Correct : wb::store::ProblemStatus::Wrong;
            result.detailsJson = std::string("{\"candidates\":") + outcomes[i].first + "}";
            QVERIFY(store->recordResult(result).ok());
        }

        auto breakdowns = wb::run::computeRunBreakdowns(*store, *runId);
        QVERIFY2(breakdowns.ok(), breakdowns.ok() ? "" : breakdowns.error().toString().c_str());
        // Accuracy is over the answered problems; the one without a result lowers the coverage only.
        QCOMPARE(breakdowns->overall.total, std::size_t(4));
        QCOMPARE(breakdowns->overall.planned, std::size_t(5));
        QCOMPARE(breakdowns->overall.correct, std::size_t(3));
        QCOMPARE(breakdowns->unfinished, std::size_t(1));

        std::map<std::string, std::pair<std::size_t, std::size_t>> byCandidates;
        for (const auto& group : breakdowns->byCandidates)
            byCandidates[group.key] = { group.accuracy.correct, group.accuracy.total };
        QCOMPARE(byCandidates["0"], std::make_pair(std::size_t(1), std::size_t(1))); // the missing one is not answered
        QCOMPARE(byCandidates["1"], std::make_pair(std::size_t(0), std::size_t(1)));
        QCOMPARE(byCandidates["3+"], std::make_pair(std::size_t(2), std::size_t(2)));

        std::map<std::string, std::pair<std::size_t, std::size_t>> byGold;
        for (const auto& group : breakdowns->byGoldIrrelevant)
            byGold[group.key] = { group.accuracy.correct, group.accuracy.total };
        QCOMPARE(byGold["gold irrelevant"], std::make_pair(std::size_t(2), std::size_t(2)));
        QCOMPARE(byGold["no gold irrelevant"], std::make_pair(std::size_t(0), std::size_t(1)));
        QCOMPARE(byGold["not annotated"], std::make_pair(std::size_t(1), std::size_t(1)));
    }

    void candidateKeysCapAtThreePlus()
    {
        QCOMPARE(QString::fromStdString(wb::run::candidateCountKey(0)), QStringLiteral("0"));
        QCOMPARE(QString::fromStdString(wb::run::candidateCountKey(2)), QStringLiteral("2"));
        QCOMPARE(QString::fromStdString(wb::run::candidateCountKey(3)), QStringLiteral("3+"));
        QCOMPARE(QString::fromStdString(wb::run::candidateCountKey(9)), QStringLiteral("3+"));
    }
};

QTEST_GUILESS_MAIN(TestRunBreakdown)
#include "tst_runbreakdown.moc"
