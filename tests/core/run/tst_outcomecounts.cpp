// SPDX-License-Identifier: Apache-2.0
// How a run's outcomes read: accuracy over answered problems with coverage, and statuses that never say plain
// "completed" when something is missing.
#include "core/run/outcomecounts.h"

#include <QtTest>

using wb::run::OutcomeCounts;
using wb::store::RunStatus;

Q_DECLARE_METATYPE(OutcomeCounts)

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class TestOutcomeCounts final : public QObject {
    Q_OBJECT
private slots:
    void accuracyIsOverAnsweredProblems()
    {
        const auto accuracy = wb::eval::accuracy(std::vector<wb::eval::Outcome> { true, false, std::nullopt, true });
        QCOMPARE(accuracy.correct, std::size_t(2));
        QCOMPARE(accuracy.total, std::size_t(3));
        QCOMPARE(accuracy.planned, std::size_t(4));
        QCOMPARE(accuracy.coverage(), 0.75);
        QVERIFY(accuracy.defined());
        const auto nothing = wb::eval::accuracy(std::vector<wb::eval::Outcome>(5));
        QVERIFY(!nothing.defined());
        QCOMPARE(nothing.planned, std::size_t(5));
    }

    void statusText_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<OutcomeCounts>("counts");
        QTest::addColumn<QString>("text");
        QTest::newRow("clean") << int(RunStatus::Completed) << OutcomeCounts { 4, 3, 1, 0, 0 } << "completed";
        QTest::newRow("errors") << int(RunStatus::Completed) << OutcomeCounts { 4, 1, 1, 1, 1 }
                                << "completed with 1 error, 1 without answer";
        QTest::newRow("nothing answered") << int(RunStatus::Completed) << OutcomeCounts { 36, 0, 0, 0, 36 }
                                          << "completed: nothing answered (36 errors)";
        QTest::newRow("cancelled") << int(RunStatus::Cancelled) << OutcomeCounts { 10, 2, 1, 0, 0 }
                                   << "cancelled with 7 unfinished";
        QTest::newRow("running") << int(RunStatus::Running) << OutcomeCounts { 10, 2, 1, 0, 0 } << "running";
    }
    void statusText()
    {
        QFETCH(int, status);
        QFETCH(OutcomeCounts, counts);
        QFETCH(QString, text);
        QCOMPARE(q(wb::run::statusText(RunStatus(status), counts)), text);
    }

    void accuracyAndCoverageTexts()
    {
        const OutcomeCounts counts { 20, 13, 3, 3, 1 };
        QCOMPARE(q(wb::run::accuracyText(counts.accuracy())),
            QStringLiteral("0.8125 (13/16 answered), 95% CI [0.5699, 0.9341]"));
        QCOMPARE(q(wb::run::coverageText(counts)), QStringLiteral("coverage 16/20 (0.80), 1 error, 3 without answer"));
        const OutcomeCounts failed { 5, 0, 0, 0, 5 };
        QCOMPARE(q(wb::run::accuracyText(failed.accuracy())), QStringLiteral("n/a (nothing answered)"));
    }
};

QTEST_GUILESS_MAIN(TestOutcomeCounts)
#include "tst_outcomecounts.moc"
