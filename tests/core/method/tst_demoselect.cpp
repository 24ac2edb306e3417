// SPDX-License-Identifier: Apache-2.0
#include "core/method/demoselect.h"
#include "core/method/render.h"
#include "support/testpaths.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <fstream>

using namespace wb::method;

namespace {

wb::dataset::Problem withRationale(const std::string& text, const std::string& rationale)
{
    wb::dataset::Problem p;
    p.text = text;
    p.rationale = rationale;
    return p;
}

std::string words(std::size_t n)
{
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
        s += "w ";
    return s;
}

} // namespace

class TestDemoSelect final : public QObject {
    Q_OBJECT
private slots:
    void stepsAndAnnotations()
    {
        const std::string sol = "He has 2+1=<<2+1=3>>3 umbrellas\nThat means he paid 3*8=$<<3*8=24>>24\n#### 24";
        QCOMPARE(countReasoningSteps(sol), std::size_t(2));
        QCOMPARE(countCalculatorAnnotations(sol), std::size_t(2));
        QCOMPARE(
            cotFromSolution(sol), std::string("He has 2+1=3 umbrellas\nThat means he paid 3*8=$24 The answer is 24."));
        QCOMPARE(countReasoningSteps("\n\none\n\ntwo\n#### 3\nafter"), std::size_t(2));
        QCOMPARE(countCalculatorAnnotations("<<unclosed"), std::size_t(0));
    }

    void complexCotTakesTheLongestSolutions()
    {
        const std::vector<wb::dataset::Problem> pool {
            withRationale("a", "one\n#### 1"), withRationale("b", "one\ntwo\nthree\n#### 3"),
            withRationale("c", "one <<1=1>>\ntwo <<2=2>>\n#### 2"), withRationale("d", "one\ntwo\n#### 2"),
            withRationale("e", ""), // no solution: never chosen
        };
        QCOMPARE(selectComplexCot(pool, 3), (std::vector<std::size_t> { 1, 2, 3 }));
        QCOMPARE(selectComplexCot(pool, 10).size(), std::size_t(4));
        const DemoSet set = makeDemoSet("complex", "complex-cot k=2", pool, selectComplexCot(pool, 2), true);
        QCOMPARE(set.items.size(), std::size_t(2));
        QCOMPARE(set.items[0].question, std::string("b"));
        QCOMPARE(set.items[0].reasoning, std::string("one\ntwo\nthree The answer is 3."));
        QCOMPARE(set.items[1].reasoning, std::string("one \ntwo  The answer is 2."));
    }

    void i3cSelectTakesTheLowestScores()
    {
        const std::vector<wb::dataset::Problem> pool(5);
        const std::vector<double> scores { 0.5, 0.1, std::nan(""), 0.1, 0.3 };
        QCOMPARE(selectI3cSelect(pool, scores, 3), (std::vector<std::size_t> { 1, 3, 4 }));
        QCOMPARE(selectI3cSelect(pool, scores, 10), (std::vector<std::size_t> { 1, 3, 4, 0 }));
        const DemoSet set = makeDemoSet("sel", "i3c-select k=2", pool, selectI3cSelect(pool, scores, 2), false, scores);
        QCOMPARE(*set.items[1].score, 0.1);
        QVERIFY(set.items[1].reasoning.empty());
    }

    void autoCotPicksOnePerCluster()
    {
        // Three tight groups of directions; members listed in a scrambled order.
        std::vector<wb::dataset::Problem> pool;
        std::vector<std::vector<float>> vectors;
        const auto add = [&](float x, float y, const std::string& text) {
            wb::dataset::Problem p;
            p.text = text;
            pool.push_back(p);
            vectors.push_back({ x, y, 0.0f });
        };
        add(1.0f, 0.02f, "a1");
        add(0.0f, 1.0f, "b1");
        add(1.0f, 0.0f, words(80)); // nearest to the first centroid, but too long a question
        add(-1.0f, 0.01f, "c1");
        add(1.0f, -0.03f, "a3");
        add(0.02f, 1.0f, "b2");
        add(-1.0f, -0.02f, "c2");
        const auto first = selectAutoCot(pool, vectors, 3, 42);
        QCOMPARE(first, selectAutoCot(pool, vectors, 3, 42));
        QCOMPARE(first.size(), std::size_t(3));
        // Cluster order follows the lowest member index: the "a" group (0), the "b" group (1), the "c" group (3).
        QVERIFY(first[0] == 0 || first[0] == 4);
        QVERIFY(first[1] == 1 || first[1] == 5);
        QVERIFY(first[2] == 3 || first[2] == 6);
        for (std::uint64_t seed = 0; seed < 20; ++seed)
            QCOMPARE(selectAutoCot(pool, vectors, 3, seed).size(), std::size_t(3));
        QCOMPARE(selectAutoCot(pool, vectors, 10, 1).size(), pool.size());
        QVERIFY(selectAutoCot(pool, {}, 3, 1).empty());
        // Without the length limit the long question is the representative of its group.
        QCOMPARE(selectAutoCot(pool, vectors, 3, 42, 1000)[0], std::size_t(2));
    }

    void complexCotOnGsm8kTrain()
    {
        WB_REQUIRE_SHARED_DATASETS();
        std::ifstream in(wb::test::sharedPath("gsm8k/train.jsonl"));
        QVERIFY(in.good());
        std::vector<wb::dataset::Problem> pool;
        std::string line;
        while (std::getline(in, line)) {
            const auto j = nlohmann::json::parse(line);
            pool.push_back(withRationale(j.at("question").get<std::string>(), j.at("answer").get<std::string>()));
        }
        QCOMPARE(pool.size(), std::size_t(7473));
        const auto chosen = selectComplexCot(pool, 8);
        QCOMPARE(chosen.size(), std::size_t(8));
        std::size_t minChosen = 1000;
        for (std::size_t idx : chosen)
            minChosen = std::min(minChosen, countReasoningSteps(pool[idx].rationale));
        std::size_t maxOther = 0;
        for (std::size_t i = 0; i < pool.size(); ++i) {
            if (std::find(chosen.begin(), chosen.end(), i) == chosen.end())
                maxOther = std::max(maxOther, countReasoningSteps(pool[i].rationale));
        }
        QVERIFY(minChosen >= maxOther);
        qInfo("complex-cot k=8 over gsm8k train: fewest steps among chosen %zu, most among the rest %zu", minChosen,
            maxOther);
        const DemoSet set
            = makeDemoSet("complex-cot-gsm8k", "complex-cot k=8 over gsm8k/train.jsonl", pool, chosen, true);
        for (const DemoItem& item : set.items) {
            QVERIFY(item.reasoning.find("<<") == std::string::npos);
            QVERIFY(item.reasoning.find("The answer is ") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoSelect)
#include "tst_demoselect.moc"
