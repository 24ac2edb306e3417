// SPDX-License-Identifier: Apache-2.0
#include "core/run/pairedcomparison.h"
#include "core/run/runconfig.h"
#include "core/store/store.h"

#include <QtTest>

#include <algorithm>

namespace {

using wb::run::PairedComparison;
using wb::run::RunProblems;
using wb::run::ScoredProblem;

/// A run over `ids` of the dataset `hash`, correct where `pattern` has a 1, at positions `indices`.
RunProblems makeRun(wb::store::RowId id, const std::string& hash, const std::vector<std::string>& ids,
    const std::vector<int>& pattern, std::vector<std::int64_t> indices = {})
{
    RunProblems run { id, {} };
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::int64_t index = indices.empty() ? std::int64_t(i) : indices[i];
        run.problems.push_back({ { hash, ids[i] }, index, pattern[i] != 0 });
    }
    return run;
}

std::vector<bool> flags(const std::vector<int>& pattern)
{
    std::vector<bool> out;
    for (const int v : pattern)
        out.push_back(v != 0);
    return out;
}

wb::dataset::Problem makeProblem(std::size_t index, std::string id)
{
    wb::dataset::Problem problem;
    problem.index = index;
    problem.id = std::move(id);
    problem.text = "Ann has " + std::to_string(index + 2) + " pens. How many pens does Ann have?";
    problem.question = "How many pens does Ann have?";
    problem.goldAnswerText = std::to_string(index + 2);
    problem.goldNumber = double(index + 2);
    return problem;
}

/// Five problems q1..q5 of a dataset with the given content hash.
wb::Result<wb::store::RowId> importDataset(wb::store::Store& store, const std::string& hash)
{
    wb::dataset::DatasetInfo info;
    info.path = hash + ".jsonl";
    info.name = info.path;
    info.format = wb::dataset::Format::Jsonl;
    info.contentHash = hash;
    std::vector<wb::dataset::Problem> problems;
    for (const char* id : { "q1", "q2", "q3", "q4", "q5" })
        problems.push_back(makeProblem(problems.size(), id));
    info.problemCount = problems.size();
    auto imported = store.importDataset(info, problems);
    if (!imported)
        return imported.error();
    return imported->datasetId;
}

/// A run over the first `limit` problems (0 = all) with results[i] = (correct, error) for problem i.
wb::Result<wb::store::RowId> createRun(wb::store::Store& store, wb::store::RowId datasetId, std::size_t limit,
    const std::vector<std::pair<bool, std::string>>& results)
{
    wb::run::RunConfig config;
    config.methodId = "direct";
    config.limit = limit;
    wb::store::NewRun newRun;
    newRun.datasetId = datasetId;
    newRun.configJson = config.canonicalJson();
    auto runId = store.createRun(newRun);
    if (!runId)
        return runId.error();
    for (std::size_t i = 0; i < results.size(); ++i) {
        wb::store::ResultRecord result;
        result.runId = *runId;
        result.problemIndex = std::int64_t(i);
        result.correct = results[i].first;
        result.error = results[i].second;
        result.status = !result.error.empty() ? wb::store::ProblemStatus::Error
            : results[i].first                ? wb::store::ProblemStatus::Correct
                                              : wb::store::ProblemStatus::Wrong;
        if (auto recorded = store.recordResult(result); !recorded)
            return recorded.error();
    }
    return *runId;
}

/// A stored run's problems as a paired comparison takes them.
wb::Result<RunProblems> loadScored(wb::store::Store& store, wb::store::RowId runId)
{
    auto data = wb::run::loadRunData(store, runId);
    if (!data)
        return data.error();
    return wb::run::runProblems(*data);
}

} // namespace

class TestPairedComparison final : public QObject {
    Q_OBJECT
private slots:
    void pairsByIdentityWhateverTheOrder()
    {
        const std::vector<int> correctA { 1, 0, 1, 1, 0, 0 };
        const std::vector<int> correctB { 1, 1, 0, 1, 0, 1 };
        const std::vector<std::string> ids { "p1", "p2", "p3", "p4", "p5", "p6" };
        const RunProblems a = makeRun(1, "h", ids, correctA);
        // Run B lists the same problems backwards.
        std::vector<std::string> reversedIds(ids.rbegin(), ids.rend());
        std::vector<int> reversedCorrect(correctB.rbegin(), correctB.rend());
        const RunProblems b = makeRun(2, "h", reversedIds, reversedCorrect, { 5, 4, 3, 2, 1, 0 });

        auto pair = wb::run::comparePaired(a, b);
        QVERIFY2(pair.ok(), pair.ok() ? "" : pair.error().toString().c_str());
        QCOMPARE(pair->runA, wb::store::RowId(1));
        QCOMPARE(pair->runB, wb::store::RowId(2));
        QCOMPARE(pair->problems.size(), ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            QCOMPARE(pair->problems[i].key.problemId, ids[i]); // in run A's order
            QCOMPARE(pair->problems[i].indexA, std::int64_t(i));
            QCOMPARE(pair->problems[i].indexB, std::int64_t(i));
            QCOMPARE(pair->problems[i].correctB, correctB[i] != 0);
        }
        // The same figures as the item-by-item statistics over the aligned outcomes.
        const wb::eval::FlipTable expected = wb::eval::flipTable(flags(correctA), flags(correctB));
        QCOMPARE(pair->flips.bothRight, expected.bothRight);
        QCOMPARE(pair->flips.rightToWrong, expected.rightToWrong);
        QCOMPARE(pair->flips.wrongToRight, expected.wrongToRight);
        QCOMPARE(pair->flips.bothWrong, expected.bothWrong);
        QCOMPARE(pair->mcnemarP, wb::eval::mcnemarExactP(expected.rightToWrong, expected.wrongToRight));
        const wb::eval::Interval ci = wb::eval::pairedBootstrapDifference(flags(correctA), flags(correctB));
        QCOMPARE(pair->differenceCi.low, ci.low);
        QCOMPARE(pair->differenceCi.high, ci.high);
        QCOMPARE(pair->difference, 4.0 / 6.0 - 3.0 / 6.0);
        QCOMPARE(pair->cells[PairedComparison::BothRight], (std::vector<std::int64_t> { 0, 3 }));
        QCOMPARE(pair->cells[PairedComparison::RightToWrong], (std::vector<std::int64_t> { 2 }));
        QCOMPARE(pair->cells[PairedComparison::WrongToRight], (std::vector<std::int64_t> { 1, 5 }));
        QCOMPARE(pair->cells[PairedComparison::BothWrong], (std::vector<std::int64_t> { 4 }));
    }

    void pairsASubsetOnTheProblemsBothCovered()
    {
        const RunProblems all = makeRun(1, "h", { "a", "b", "c", "d", "e" }, { 1, 1, 0, 0, 1 });
        // The first three problems (a limit), and then one problem picked from the middle.
        const RunProblems firstThree = makeRun(2, "h", { "a", "b", "c" }, { 0, 1, 1 });
        auto pair = wb::run::comparePaired(all, firstThree);
        QVERIFY(pair.ok());
        QCOMPARE(pair->problems.size(), std::size_t(3));
        QCOMPARE(pair->accuracyA.total, std::size_t(3));
        QCOMPARE(pair->accuracyA.correct, std::size_t(2));
        QCOMPARE(pair->accuracyB.correct, std::size_t(2));
        QCOMPARE(pair->flips.rightToWrong, std::size_t(1));
        QCOMPARE(pair->flips.wrongToRight, std::size_t(1));

        const RunProblems middle = makeRun(3, "h", { "d" }, { 1 }, { 3 });
        auto single = wb::run::comparePaired(middle, all);
        QVERIFY(single.ok());
        QCOMPARE(single->problems.size(), std::size_t(1));
        QCOMPARE(single->problems[0].indexA, std::int64_t(3));
        QCOMPARE(single->problems[0].indexB, std::int64_t(3));
        QCOMPARE(single->flips.rightToWrong, std::size_t(1));
    }

    void differentDatasetsDoNotPair()
    {
        // Same ids and positions, but the files differ: nothing may pair.
        const RunProblems a = makeRun(4, "aaaaaaaaaaaaaaaa", { "1", "2", "3" }, { 1, 0, 1 });
        const RunProblems b = makeRun(9, "bbbbbbbbbbbbbbbb", { "1", "2", "3" }, { 1, 1, 1 });
        auto pair = wb::run::comparePaired(a, b);
        QVERIFY(!pair.ok());
        QCOMPARE(pair.error().code, wb::ErrorCode::InvalidInput);
        const std::string& message = pair.error().message;
        QVERIFY2(message.find("runs 4 and 9 cover different datasets") != std::string::npos, message.c_str());
        QVERIFY2(message.find("aaaaaaaaaaaa") != std::string::npos, message.c_str());
        QVERIFY2(message.find("bbbbbbbbbbbb") != std::string::npos, message.c_str());
    }

    void sameDatasetWithoutCommonProblemsFails()
    {
        auto pair = wb::run::comparePaired(makeRun(1, "h", { "a" }, { 1 }), makeRun(2, "h", { "b" }, { 1 }, { 1 }));
        QVERIFY(!pair.ok());
        QVERIFY2(pair.error().message.find("no answered problem in common") != std::string::npos,
            pair.error().message.c_str());
    }

    void repeatedIdFails()
    {
        const RunProblems repeated = makeRun(5, "h", { "x", "y", "x" }, { 1, 0, 1 });
        const RunProblems other = makeRun(6, "h", { "x", "y" }, { 1, 1 });
        for (const auto& [a, b] : { std::pair { repeated, other }, std::pair { other, repeated } }) {
            auto pair = wb::run::comparePaired(a, b);
            QVERIFY(!pair.ok());
            QVERIFY2(pair.error().message.find("run 5 lists problem id 'x' more than once") != std::string::npos,
                pair.error().message.c_str());
        }
    }

    void scoredProblemsNeedEveryPlannedProblem()
    {
        const std::vector<wb::dataset::Problem> problems { makeProblem(0, "q1"), makeProblem(1, "q2") };
        auto scored = wb::run::scoredProblems("h", problems, { true });
        QVERIFY(scored.ok());
        QCOMPARE(scored->size(), std::size_t(1));
        QCOMPARE(scored->front().key.problemId, std::string("q1"));
        QVERIFY(!wb::run::scoredProblems("h", problems, { true, false, true }).ok());
        // An unanswered problem is left out, so it can never pair as a wrong answer.
        auto answered = wb::run::scoredProblems("h", problems, { std::nullopt, false });
        QVERIFY(answered.ok());
        QCOMPARE(answered->size(), std::size_t(1));
        QCOMPARE(answered->front().key.problemId, std::string("q2"));
        QCOMPARE(answered->front().correct, false);
    }

    void runsOfAStorePairByIdentity()
    {
        auto store = wb::store::Store::openMemory();
        QVERIFY(store.ok());
        auto first = importDataset(*store, "1111111111111111");
        auto second = importDataset(*store, "2222222222222222");
        QVERIFY(first.ok() && second.ok());
        // Five problems; the fourth is marked correct but carries an error, the fifth has no result: neither is
        // answered, so only the first three are scored and paired.
        auto all = createRun(*store, *first, 0, { { true, "" }, { false, "" }, { true, "" }, { true, "HTTP 500" } });
        auto limited = createRun(*store, *first, 3, { { false, "" }, { true, "" }, { true, "" } });
        auto elsewhere = createRun(*store, *second, 0, { { true, "" } });
        QVERIFY(all.ok() && limited.ok() && elsewhere.ok());

        auto runAll = loadScored(*store, *all);
        auto runLimited = loadScored(*store, *limited);
        auto runElsewhere = loadScored(*store, *elsewhere);
        QVERIFY(runAll.ok() && runLimited.ok() && runElsewhere.ok());
        QCOMPARE(runAll->problems.size(), std::size_t(3));
        QCOMPARE(runAll->problems[1].correct, false);
        QCOMPARE(runAll->problems[2].key.datasetHash, std::string("1111111111111111"));
        QCOMPARE(runAll->problems[2].key.problemId, std::string("q3"));

        auto pair = wb::run::comparePaired(*runAll, *runLimited);
        QVERIFY(pair.ok());
        QCOMPARE(pair->problems.size(), std::size_t(3));
        QCOMPARE(pair->flips.rightToWrong, std::size_t(1));
        QCOMPARE(pair->flips.wrongToRight, std::size_t(1));
        QCOMPARE(pair->flips.bothRight, std::size_t(1));

        auto across = wb::run::comparePaired(*runAll, *runElsewhere);
        QVERIFY(!across.ok());
        QVERIFY2(across.error().message.find("cover different datasets") != std::string::npos,
            across.error().message.c_str());
        QVERIFY(!wb::run::loadRunData(*store, 999).ok());
    }
};

QTEST_GUILESS_MAIN(TestPairedComparison)
#include "tst_pairedcomparison.moc"
