// SPDX-License-Identifier: Apache-2.0
#include "core/common/text.h"
#include "core/relevance/relevance.h"
#include "support/testpaths.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <fstream>
#include <limits>
#include <set>

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct I3cItem {
    std::vector<std::string> conditions;
    std::vector<double> sq;
    std::vector<int> candidates;
};

std::vector<I3cItem> loadI3c(const char* name)
{
    std::vector<I3cItem> out;
    std::ifstream in(wb::test::sharedPath("i3c-preprocessed/test_data/") + name + ".json");
    const nlohmann::json data = nlohmann::json::parse(in, nullptr, false);
    if (!data.is_array())
        return out;
    for (const nlohmann::json& x : data)
        out.push_back({ x.at("condition_sentences").get<std::vector<std::string>>(),
            x.at("condition_question_similarity").get<std::vector<double>>(),
            x.at("cand_ic_idx").get<std::vector<int>>() });
    return out;
}

QList<int> toQt(const std::vector<int>& v) { return QList<int>(v.begin(), v.end()); }

} // namespace

class TestCandidateRule final : public QObject {
    Q_OBJECT
private slots:
    void rule_data()
    {
        QTest::addColumn<QStringList>("conditions");
        QTest::addColumn<QList<double>>("sq");
        QTest::addColumn<QList<double>>("sc");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("single condition, NaN s(c) never triggers")
            << QStringList { "He has 5 apples." } << QList<double> { 0.7 } << QList<double> { kNaN } << QList<int> {};
        QTest::newRow("single condition, low s(q)") << QStringList { "He has 5 apples." } << QList<double> { 0.3 }
                                                    << QList<double> { kNaN } << QList<int> { 0 };
        QTest::newRow("strict less-than") << QStringList { "a 1", "b 2" } << QList<double> { 0.5, 0.4999 }
                                          << QList<double> { 0.5, 0.9 } << QList<int> { 1 };
        QTest::newRow("s(c) alone triggers") << QStringList { "a 1", "b 2" } << QList<double> { 0.9, 0.9 }
                                             << QList<double> { 0.1, 0.9 } << QList<int> { 0 };
        QTest::newRow("no digit, never a candidate")
            << QStringList { "She eats three for breakfast.", "She has 2 cats." } << QList<double> { 0.1, 0.1 }
            << QList<double> { 0.1, 0.1 } << QList<int> { 1 };
        QTest::newRow("NaN s(q) with high s(c)") << QStringList { "x 1", "y 2" } << QList<double> { kNaN, 0.2 }
                                                 << QList<double> { 0.8, 0.8 } << QList<int> { 1 };
        QTest::newRow("missing s(c) is unknown")
            << QStringList { "x 1", "y 2", "z 3" } << QList<double> { 0.9, 0.1, 0.6 } << QList<double> {}
            << QList<int> { 1 };
        QTest::newRow("ascending order") << QStringList { "3", "2", "1" } << QList<double> { 0.1, 0.2, 0.3 }
                                         << QList<double> { 0.9, 0.9, 0.9 } << QList<int> { 0, 1, 2 };
        QTest::newRow("no conditions") << QStringList {} << QList<double> {} << QList<double> {} << QList<int> {};
    }
    void rule()
    {
        QFETCH(QStringList, conditions);
        QFETCH(QList<double>, sq);
        QFETCH(QList<double>, sc);
        QFETCH(QList<int>, expected);
        std::vector<std::string> conds;
        for (const QString& c : conditions)
            conds.push_back(c.toStdString());
        const auto got = wb::relevance::selectCandidates(
            conds, std::vector<double>(sq.begin(), sq.end()), std::vector<double>(sc.begin(), sc.end()), 0.5);
        QCOMPARE(toQt(got), expected);
    }

    void combinedScoreAndConfusion()
    {
        const auto combined = wb::relevance::combinedRelevance({ 0.6, 0.2, 0.5 }, { 0.4, kNaN, 0.5 }, { 0, 0, 1 });
        QCOMPARE(combined.size(), std::size_t(3));
        QCOMPARE(combined[0], 1.0);
        QCOMPARE(combined[1], 0.2);
        QCOMPARE(combined[2], 1.0 - wb::relevance::kNewActorPenalty);
        QCOMPARE(wb::relevance::confusionScore({ 0.2, 0.4 }), 0.3);
        QVERIFY(std::isnan(wb::relevance::confusionScore({})));
    }

    /// C1 (i3c-method.md §12): with the stored s(q) and an unknown s(c), the rule yields no false positive.
    /// C2: every stored candidate contains a digit.
    void storedScoresGiveNoFalsePositives()
    {
        WB_REQUIRE_SHARED_DATASETS();
        struct Expect {
            const char* name;
            double recall;
        };
        const Expect sets[] = { { "AddSub", 0.711 }, { "GSM8K", 0.786 }, { "MultiArith", 0.843 }, { "SVAMP", 0.636 },
            { "SingleEq", 0.779 }, { "SingleOp", 0.643 } };
        std::size_t allTp = 0;
        std::size_t allCandidates = 0;
        for (const Expect& e : sets) {
            const auto items = loadI3c(e.name);
            QVERIFY2(!items.empty(), e.name);
            std::size_t tp = 0;
            std::size_t fp = 0;
            std::size_t candidates = 0;
            for (const I3cItem& x : items) {
                const std::vector<double> unknown(x.conditions.size(), kInf);
                const auto got = wb::relevance::selectCandidates(x.conditions, x.sq, unknown);
                const std::set<int> gold(x.candidates.begin(), x.candidates.end());
                for (int i : got)
                    (gold.count(i) ? tp : fp) += 1;
                candidates += gold.size();
                for (int i : x.candidates)
                    QVERIFY2(wb::text::containsDigit(x.conditions[std::size_t(i)]), e.name); // C2
            }
            const double recall = double(tp) / double(candidates);
            qInfo("C1 %-10s false positives %zu, recall %.3f (%zu/%zu)", e.name, fp, recall, tp, candidates);
            QCOMPARE(fp, std::size_t(0));
            QVERIFY2(std::abs(recall - e.recall) < 0.0006, e.name);
            allTp += tp;
            allCandidates += candidates;
        }
        QCOMPARE(allTp, std::size_t(5032));
        QCOMPARE(allCandidates, std::size_t(6862));
    }

    /// C3: in two-condition problems where both conditions have digits, s(c) is shared, so the stored candidate
    /// set must equal the rule's output for s(c) = -inf (both flagged) or s(c) = +inf (neither).
    void twoConditionSymmetry()
    {
        WB_REQUIRE_SHARED_DATASETS();
        const std::pair<const char*, std::size_t> sets[] = { { "AddSub", 149 }, { "GSM8K", 232 }, { "MultiArith", 226 },
            { "SVAMP", 326 }, { "SingleEq", 219 }, { "SingleOp", 307 } };
        std::size_t total = 0;
        for (const auto& [name, expected] : sets) {
            std::size_t fitting = 0;
            std::size_t eligible = 0;
            for (const I3cItem& x : loadI3c(name)) {
                if (x.conditions.size() != 2 || !wb::text::containsDigit(x.conditions[0])
                    || !wb::text::containsDigit(x.conditions[1]))
                    continue;
                ++eligible;
                bool fits = false;
                for (double shared : { kInf, -kInf })
                    fits = fits
                        || wb::relevance::selectCandidates(x.conditions, x.sq, { shared, shared }) == x.candidates;
                fitting += fits;
            }
            qInfo("C3 %-10s %zu/%zu", name, fitting, eligible);
            QCOMPARE(eligible, expected);
            QCOMPARE(fitting, eligible);
            total += fitting;
        }
        QCOMPARE(total, std::size_t(1459));
    }
};

QTEST_GUILESS_MAIN(TestCandidateRule)
#include "tst_candidaterule.moc"
