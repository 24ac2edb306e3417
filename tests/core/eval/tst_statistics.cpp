// SPDX-License-Identifier: Apache-2.0
#include "core/eval/statistics.h"

#include <QtTest>

using namespace wb::eval;

namespace {
std::vector<bool> pattern(std::initializer_list<int> bits)
{
    std::vector<bool> out;
    for (int b : bits)
        out.push_back(b != 0);
    return out;
}
} // namespace

class TestStatistics final : public QObject {
    Q_OBJECT
private slots:
    void wilson_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        // Reference values from the closed form (Wilson 1927) with z = 1.96; 8/10 -> [0.4902, 0.9433] is the
        // textbook example.
        QTest::newRow("8/10") << 8 << 10 << 0.4901625 << 0.9433178;
        QTest::newRow("0/10") << 0 << 10 << 0.0 << 0.2775328;
        QTest::newRow("10/10") << 10 << 10 << 0.7224672 << 1.0;
        QTest::newRow("50/100") << 50 << 100 << 0.4038315 << 0.5961685;
        QTest::newRow("0/0") << 0 << 0 << 0.0 << 1.0;
    }
    void wilson()
    {
        QFETCH(int, k);
        QFETCH(int, n);
        QFETCH(double, low);
        QFETCH(double, high);
        const Interval ci = wilsonInterval(static_cast<std::size_t>(k), static_cast<std::size_t>(n));
        QVERIFY2(std::abs(ci.low - low) < 1e-6, qPrintable(QString::number(ci.low, 'g', 10)));
        QVERIFY2(std::abs(ci.high - high) < 1e-6, qPrintable(QString::number(ci.high, 'g', 10)));
    }

    void accuracyCounts()
    {
        const Accuracy a = accuracy(pattern({ 1, 1, 1, 1, 1, 1, 1, 1, 0, 0 }));
        QCOMPARE(a.correct, std::size_t(8));
        QCOMPARE(a.total, std::size_t(10));
        QCOMPARE(a.value, 0.8);
        QVERIFY(std::abs(a.ci.low - 0.4901625) < 1e-6);
    }

    void mcnemar_data()
    {
        QTest::addColumn<int>("b");
        QTest::addColumn<int>("c");
        QTest::addColumn<double>("p");
        QTest::newRow("1 vs 9") << 1 << 9 << 22.0 / 1024.0; // 0.021484375
        QTest::newRow("9 vs 1 symmetric") << 9 << 1 << 22.0 / 1024.0;
        QTest::newRow("0 vs 10") << 0 << 10 << 2.0 / 1024.0;
        QTest::newRow("3 vs 12") << 3 << 12 << 2.0 * 576.0 / 32768.0;
        QTest::newRow("5 vs 5") << 5 << 5 << 1.0;
        QTest::newRow("no discordant pairs") << 0 << 0 << 1.0;
    }
    void mcnemar()
    {
        QFETCH(int, b);
        QFETCH(int, c);
        QFETCH(double, p);
        const double got = mcnemarExactP(static_cast<std::size_t>(b), static_cast<std::size_t>(c));
        QVERIFY2(std::abs(got - p) < 1e-12, qPrintable(QString::number(got, 'g', 12)));
    }

    void mcnemarLargeCountsStayFinite()
    {
        const double p = mcnemarExactP(1000, 1200);
        QVERIFY(p > 0.0 && p < 0.001);
        QCOMPARE(mcnemarExactP(2000, 2000), 1.0);
    }

    void flips()
    {
        const auto a = pattern({ 1, 1, 0, 0, 1, 0 });
        const auto b = pattern({ 1, 0, 1, 0, 1, 1 });
        const FlipTable t = flipTable(a, b);
        QCOMPARE(t.bothRight, std::size_t(2));
        QCOMPARE(t.rightToWrong, std::size_t(1));
        QCOMPARE(t.wrongToRight, std::size_t(2));
        QCOMPARE(t.bothWrong, std::size_t(1));
        QCOMPARE(t.total(), std::size_t(6));
    }

    void bootstrapIsDeterministicAndSensible()
    {
        std::vector<bool> a;
        std::vector<bool> b;
        for (int i = 0; i < 200; ++i) {
            a.push_back(i % 10 < 6); // 60%
            b.push_back(i % 10 < 8); // 80%, b is right wherever a is
        }
        const Interval first = pairedBootstrapDifference(a, b, 2000, 7);
        const Interval again = pairedBootstrapDifference(a, b, 2000, 7);
        QCOMPARE(first.low, again.low);
        QCOMPARE(first.high, again.high);
        QVERIFY(first.low < 0.2 && first.high > 0.2);
        QVERIFY(first.low > 0.1 && first.high < 0.3);

        const Interval same = pairedBootstrapDifference(a, a, 500, 1);
        QCOMPARE(same.low, 0.0);
        QCOMPARE(same.high, 0.0);

        const Interval allFlip = pairedBootstrapDifference(pattern({ 0, 0, 0 }), pattern({ 1, 1, 1 }), 100, 3);
        QCOMPARE(allFlip.low, 1.0);
        QCOMPARE(allFlip.high, 1.0);
    }

    void breakdownGroupsByKey()
    {
        const std::vector<std::string> keys { "GSM8K", "AddSub", "GSM8K", "AddSub", "GSM8K" };
        const auto groups = breakdown(keys, pattern({ 1, 0, 1, 1, 0 }));
        QCOMPARE(groups.size(), std::size_t(2));
        QCOMPARE(groups[0].key, std::string("AddSub"));
        QCOMPARE(groups[0].accuracy.correct, std::size_t(1));
        QCOMPARE(groups[0].accuracy.total, std::size_t(2));
        QCOMPARE(groups[1].key, std::string("GSM8K"));
        QCOMPARE(groups[1].accuracy.correct, std::size_t(2));
        QCOMPARE(groups[1].accuracy.total, std::size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
