// SPDX-License-Identifier: Apache-2.0
// How a run's outcomes read: accuracy over answered problems with coverage, and statuses that never say plain
// "completed" when something is missing.
#include "core/run/outcomecounts.h"
#include "core/run/outcomejson.h"

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

    void outcomeJsonHasNullAccuracyWhenNothingWasAnswered()
    {
        const nlohmann::json some = wb::run::outcomeJson({ 20, 13, 3, 3, 1 });
        QCOMPARE(some["answered"].get<int>(), 16);
        QCOMPARE(some["planned"].get<int>(), 20);
        QCOMPARE(some["errors"].get<int>(), 1);
        QCOMPARE(some["no_answer"].get<int>(), 3);
        QCOMPARE(some["coverage"].get<double>(), 0.8);
        QCOMPARE(some["accuracy"].get<double>(), 13.0 / 16.0);
        QVERIFY(some["ci"].is_array());
        const nlohmann::json none = wb::run::outcomeJson({ 5, 0, 0, 0, 5 });
        QVERIFY(none["accuracy"].is_null());
        QVERIFY(none["ci"].is_null());
    }

    void callJsonAndTextShowEverythingStored()
    {
        wb::store::CallRecord call;
        call.problemIndex = 3;
        call.step = "reason";
        call.requestJson = R"({"messages":[{"role":"user","content":"Q: 2 + 2?"}],"model":"m"})";
        call.status = wb::store::CallStatus::Empty;
        call.error = "empty reply (finish_reason length)";
        call.finishReason = "length";
        call.reasoningText = "Two and two.";
        call.promptTokens = 7;
        call.completionTokens = 64;
        call.reasoningTokens = 64;
        call.latencyMs = 12.4;
        const nlohmann::json json = wb::run::callJson(call);
        QCOMPARE(json["status"].get<std::string>(), std::string("empty"));
        QCOMPARE(json["messages"][0]["content"].get<std::string>(), std::string("Q: 2 + 2?"));
        QCOMPARE(json["reasoning_text"].get<std::string>(), std::string("Two and two."));
        QCOMPARE(json["reasoning_tokens"].get<int>(), 64);
        QCOMPARE(json["finish_reason"].get<std::string>(), std::string("length"));
        QCOMPARE(json["latency_ms"].get<double>(), 12.4);
        const QString text = q(wb::run::callText(call));
        for (const char* part : { "problem 3 reason: empty, finish reason length", "(64 reasoning)", "12 ms",
                 "reason: empty reply", "    Q: 2 + 2?", "  reasoning:\n    Two and two." })
            QVERIFY2(text.contains(QString::fromUtf8(part)), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestOutcomeCounts)
#include "tst_outcomecounts.moc"
