// SPDX-License-Identifier: Apache-2.0
// The runner's building blocks that need no server: configuration JSON, the per-problem call DAG, progress
// arithmetic and the Batch API line format.
#include "core/run/batchjsonl.h"
#include "core/run/calldag.h"
#include "core/run/progress.h"
#include "core/run/runconfig.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using wb::run::CallDag;

namespace {

QStringList names(const CallDag& dag, const std::vector<std::size_t>& steps)
{
    QStringList out;
    for (auto s : steps)
        out << QString::fromStdString(dag.steps()[s]);
    return out;
}

wb::run::RunConfig sampleConfig()
{
    wb::run::RunConfig c;
    c.name = "baseline";
    c.datasetPath = "/data/gsm8k.jsonl";
    c.datasetFormat = "gsm8k";
    c.datasetHash = "abc";
    c.limit = 50;
    c.methodId = "i3c-select";
    c.methodText = R"({"id":"i3c-select"})";
    c.methodHash = "def";
    c.backend.baseUrl = "http://127.0.0.1:9/v1";
    c.backend.model = "m";
    c.temperature = 0.25;
    c.programVersion = "0.1.0";
    return c;
}

} // namespace

class TestRunParts final : public QObject {
    Q_OBJECT
private slots:
    void dagStages_data()
    {
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<int>("stages");
        QTest::newRow("i3c") << QStringList { "verify:0", "verify:2", "reason", "extract" } << 3;
        QTest::newRow("no candidates") << QStringList { "reason", "extract" } << 2;
        QTest::newRow("single") << QStringList { "answer" } << 1;
        QTest::newRow("two ungrouped same name") << QStringList { "reason", "reason" } << 2;
        QTest::newRow("empty") << QStringList {} << 0;
    }
    void dagStages()
    {
        QFETCH(QStringList, steps);
        QFETCH(int, stages);
        std::vector<std::string> list;
        for (const auto& s : steps)
            list.push_back(s.toStdString());
        const CallDag dag(list);
        QCOMPARE(int(dag.stageCount()), stages);
    }
    void dagOrdersVerifyReasonExtract()
    {
        CallDag dag({ "verify:0", "verify:3", "reason", "extract" });
        QCOMPARE(names(dag, dag.takeReady()), (QStringList { "verify:0", "verify:3" }));
        QVERIFY(dag.takeReady().empty()); // already running
        dag.markFinished(0);
        QVERIFY(dag.takeReady().empty()); // reason waits for every verify
        dag.markFinished(1);
        QCOMPARE(names(dag, dag.takeReady()), QStringList { "reason" });
        dag.markFinished(2);
        QCOMPARE(names(dag, dag.takeReady()), QStringList { "extract" });
        QVERIFY(!dag.complete());
        dag.markFinished(3);
        QVERIFY(dag.complete());
        QCOMPARE(dag.currentStage(), dag.stageCount());
    }
    void dagResumeSkipsFinished()
    {
        CallDag dag({ "verify:0", "verify:1", "reason", "extract" });
        dag.markFinished(dag.find("verify:1"));
        QCOMPARE(names(dag, dag.takeReady()), QStringList { "verify:0" });
    }
    void dagFailureBlocks()
    {
        CallDag dag({ "verify:0", "verify:1", "reason", "extract" });
        (void)dag.takeReady();
        dag.markFailed(0);
        QVERIFY(!dag.blocked()); // verify:1 still running
        dag.markFinished(1);
        QVERIFY(dag.blocked());
        QVERIFY(dag.takeReady().empty());
        dag.markPending(0); // a retry puts it back
        QCOMPARE(names(dag, dag.takeReady()), QStringList { "verify:0" });
    }
    void configRoundTrip()
    {
        const auto config = sampleConfig();
        const auto back = wb::run::RunConfig::fromJsonText(config.canonicalJson());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        QCOMPARE(QString::fromStdString(back->canonicalJson()), QString::fromStdString(config.canonicalJson()));
        QCOMPARE(back->temperature.value_or(-1), 0.25);
        QVERIFY(!back->maxTokens);
    }
    void configNeverHoldsKey()
    {
        qputenv("WB_TEST_SECRET_KEY", "sk-secret-123");
        auto config = sampleConfig();
        config.backend.apiKeyEnv = "WB_TEST_SECRET_KEY";
        const std::string text = config.canonicalJson();
        QVERIFY(text.find("sk-secret-123") == std::string::npos);
        QVERIFY(text.find("WB_TEST_SECRET_KEY") != std::string::npos);
    }
    void experimentHashIgnoresLabel()
    {
        auto a = sampleConfig();
        auto b = sampleConfig();
        b.name = "other label";
        b.programVersion = "9.9";
        QCOMPARE(a.experimentHash(), b.experimentHash());
        b.temperature = 0.3;
        QVERIFY(a.experimentHash() != b.experimentHash());
    }
    void configErrorsNameField_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("location");
        QTest::newRow("limit type") << R"({"dataset":{"limit":"x"}})"
                                    << "config.limit";
        QTest::newRow("backend type") << R"({"backend":{"concurrency":"x"}})"
                                      << "backend.concurrency";
        QTest::newRow("not json") << "{"
                                  << "config";
    }
    void configErrorsNameField()
    {
        QFETCH(QString, json);
        QFETCH(QString, location);
        const auto r = wb::run::RunConfig::fromJsonText(json.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().location), location);
    }
    void validateNamesMissingField()
    {
        auto c = sampleConfig();
        c.backend.model.clear();
        const auto r = c.validate();
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().location), QStringLiteral("config.backend.model"));
    }
    void progressRateAndEta()
    {
        wb::run::ProgressMeter meter;
        meter.start(100.0);
        auto& c = meter.counters();
        c.totalCalls = 100;
        c.doneCalls = 30;
        c.resumedCalls = 10; // came for free: not part of the rate
        const auto p = meter.snapshot(110.0);
        QCOMPARE(p.callsPerSecond, 2.0);
        QCOMPARE(p.etaSeconds, 35.0);
        QVERIFY(QString::fromStdString(p.toLine()).contains(QStringLiteral("calls 30/100 (30%)")));
    }
    void progressThrottle()
    {
        wb::run::ProgressMeter meter;
        meter.start(0);
        QVERIFY(meter.due(0.0, 1.0));
        QVERIFY(!meter.due(0.5, 1.0));
        QVERIFY(meter.due(1.0, 1.0));
    }
    void duration_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("s") << 45.0 << "45s";
        QTest::newRow("m") << 725.0 << "12m05s";
        QTest::newRow("h") << 10920.0 << "3h02m";
        QTest::newRow("unknown") << -1.0 << "?";
    }
    void duration()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(wb::run::formatDuration(seconds)), text);
    }
    void customId_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("verify") << "i3c:12:345:verify:3" << true;
        QTest::newRow("extract") << "i3c:1:0:extract" << true;
        QTest::newRow("other prefix") << "req-1" << false;
        QTest::newRow("no step") << "i3c:1:2:" << false;
        QTest::newRow("bad number") << "i3c:x:2:reason" << false;
    }
    void customId()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto id = wb::run::decodeCustomId(text.toStdString(), "f.jsonl:1");
        QCOMPARE(id.ok(), valid);
        if (valid)
            QCOMPARE(QString::fromStdString(wb::run::encodeCustomId(*id)), text);
        else
            QCOMPARE(QString::fromStdString(id.error().location), QStringLiteral("f.jsonl:1"));
    }
    void batchLineEmbedsBodyVerbatim()
    {
        const std::string body
            = R"({"max_tokens":512,"messages":[{"content":"Q: x ?","role":"user"}],"model":"m","temperature":0.7})";
        const auto line = wb::run::batchRequestLine({ 7, 3, "verify:1" }, body);
        QVERIFY(line.ok());
        QVERIFY(line->find(body) != std::string::npos);
        const auto json = nlohmann::json::parse(*line);
        QCOMPARE(QString::fromStdString(json["custom_id"].get<std::string>()), QStringLiteral("i3c:7:3:verify:1"));
        QCOMPARE(QString::fromStdString(json["url"].get<std::string>()), QStringLiteral("/v1/chat/completions"));
    }
    void batchOutputLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("parses");
        QTest::addColumn<bool>("succeeded");
        QTest::newRow("ok")
            << R"({"id":"b1","custom_id":"i3c:1:2:reason","response":{"status_code":200,"body":{"choices":[{"message":{"content":"42"}}]}},"error":null})"
            << true << true;
        QTest::newRow("http error")
            << R"({"custom_id":"i3c:1:2:reason","response":{"status_code":500,"body":{"error":"x"}}})" << true << false;
        QTest::newRow("provider error")
            << R"({"custom_id":"i3c:1:2:reason","response":null,"error":{"code":"x","message":"expired"}})" << true
            << false;
        QTest::newRow("no custom id") << R"({"response":{}})" << false << false;
        QTest::newRow("garbage") << "not json" << false << false;
    }
    void batchOutputLine()
    {
        QFETCH(QString, line);
        QFETCH(bool, parses);
        QFETCH(bool, succeeded);
        const auto out = wb::run::parseBatchOutputLine(line.toStdString(), "out.jsonl:4");
        QCOMPARE(out.ok(), parses);
        if (!parses) {
            QCOMPARE(QString::fromStdString(out.error().location), QStringLiteral("out.jsonl:4"));
            return;
        }
        QCOMPARE(out->ok(), succeeded);
        QCOMPARE(out->id.problemIndex, std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestRunParts)
#include "tst_runparts.moc"
