// SPDX-License-Identifier: Apache-2.0
// `i3c methods | run | runs | report | compare | select-demos | export-batch | import-batch`, in-process against
// the fake OpenAI-compatible server and the demo dataset.
#include "support/cli.h"
#include "support/fakeserver.h"
#include "support/testpaths.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

namespace {

using wb::test::runCli;

std::string demoDataset()
{
    return (wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl")).toStdString();
}

std::size_t countLines(const std::string& path)
{
    std::ifstream in(path);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);)
        n += !line.empty();
    return n;
}

} // namespace

class TestRunCli final : public QObject {
    Q_OBJECT

private:
    /// runs, report, compare and calls open the database read-only, so a file the user may not write still reads; a
    /// command that writes says the database is read-only.
    void readersWorkOnAnUnwritableCopy(const std::string& runA, const std::string& runB)
    {
        const QString copy = m_dir.filePath(QStringLiteral("unwritable.sqlite"));
        QVERIFY(QFile::copy(QString::fromStdString(m_db), copy));
        // chmod does not stop root; the immutable attribute does, where the file system allows it.
        bool immutable = false;
        if (::geteuid() != 0)
            QVERIFY(::chmod(copy.toLocal8Bit().constData(), 0444) == 0);
        else if (!(immutable = QProcess::execute(QStringLiteral("chattr"), { QStringLiteral("+i"), copy }) == 0))
            QSKIP("running as root without chattr +i: the copy cannot be made unwritable");
        const std::string db = copy.toStdString();
        const auto runs = runCli({ "runs", "--db", db, "--json" });
        const auto report = runCli({ "report", "--db", db, runA, "--json" });
        const auto compare = runCli({ "compare", "--db", db, runA, runB });
        const auto calls = runCli({ "calls", "--db", db, runA, "--index", "0" });
        const auto resume = runCli({ "run", "--resume", runA, "--db", db });
        if (immutable)
            QProcess::execute(QStringLiteral("chattr"), { QStringLiteral("-i"), copy });
        WB_EXPECT_STATUS(runs, 0);
        WB_EXPECT_STATUS(report, 0);
        WB_EXPECT_STATUS(compare, 0);
        WB_EXPECT_STATUS(calls, 0);
        QCOMPARE(nlohmann::json::parse(runs.out).size(), std::size_t(2));
        QVERIFY2(resume.status != 0 && resume.err.find("is read-only") != std::string::npos, resume.describe().c_str());
    }

    QTemporaryDir m_dir;
    wb::test::FakeServer m_server;
    std::string m_db;
    bool m_serverUp = false;

    std::vector<std::string> runArgs(const std::string& method) const
    {
        return { "run", demoDataset(), "--method", method, "--model", "fake-model", "--base-url", m_server.baseUrl(),
            "--db", m_db, "--concurrency", "4" };
    }
    /// Plays the provider's batch engine: answers every request line of `requests` into `results`.
    static std::size_t answerBatch(const std::string& requests, const std::string& results)
    {
        std::ifstream in(requests);
        std::ofstream out(results, std::ios::trunc);
        std::size_t n = 0;
        for (std::string line; std::getline(in, line);) {
            const auto request = nlohmann::json::parse(line);
            const nlohmann::json body = { { "object", "chat.completion" }, { "model", request["body"]["model"] },
                { "choices",
                    { { { "index", 0 }, { "finish_reason", "stop" },
                        { "message",
                            { { "role", "assistant" },
                                { "content", wb::test::FakeServer::defaultAnswer(request["body"]) } } } } } },
                { "usage", { { "prompt_tokens", 20 }, { "completion_tokens", 8 }, { "total_tokens", 28 } } } };
            out << nlohmann::json(
                { { "id", "batch_req_" + std::to_string(n) }, { "custom_id", request["custom_id"] },
                    { "response", { { "status_code", 200 }, { "request_id", "r" }, { "body", body } } },
                    { "error", nullptr } })
                       .dump()
                << '\n';
            ++n;
        }
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = (m_dir.path() + QStringLiteral("/wb.db")).toStdString();
        m_serverUp = m_server.start();
        QVERIFY(QFile::exists(QString::fromStdString(demoDataset())));
    }

    void methodsListsBuiltins()
    {
        const auto text = runCli({ "methods" });
        WB_EXPECT_STATUS(text, 0);
        QVERIFY(text.out.find("i3c-select") != std::string::npos);
        QVERIFY(text.out.find("zero-shot-cot+i3c") != std::string::npos);
        const auto json = runCli({ "methods", "--json" });
        WB_EXPECT_STATUS(json, 0);
        const auto list = nlohmann::json::parse(json.out);
        QVERIFY(list.is_array());
        QVERIFY(list.size() >= 10);
        QVERIFY(list[0].contains("sha256"));
    }

    void runRunsReportCompare()
    {
        QVERIFY2(m_serverUp, "the fake server could not listen on 127.0.0.1");
        const auto first = runCli(runArgs("zero-shot-cot+i3c"));
        WB_EXPECT_STATUS(first, 0);
        const auto firstLines = first.lines();
        QVERIFY(firstLines.size() >= 2);
        const std::string runA = firstLines.front();
        QCOMPARE(QString::fromStdString(runA), QStringLiteral("1"));
        QVERIFY2(firstLines.back().rfind("accuracy ", 0) == 0, firstLines.back().c_str());
        QVERIFY(firstLines.back().find("95% CI [") != std::string::npos);
        QVERIFY(first.err.find("calls ") != std::string::npos); // final progress line on stderr

        auto secondArgs = runArgs("direct");
        secondArgs.insert(secondArgs.end(), { "--name", "baseline", "--temperature", "0" });
        const auto second = runCli(secondArgs);
        WB_EXPECT_STATUS(second, 0);
        const std::string runB = second.lines().front();

        const auto runs = runCli({ "runs", "--db", m_db, "--json" });
        WB_EXPECT_STATUS(runs, 0);
        const auto list = nlohmann::json::parse(runs.out);
        QCOMPARE(int(list.size()), 2);
        QCOMPARE(list[0]["name"].get<std::string>(), std::string("baseline"));
        QCOMPARE(list[0]["status"].get<std::string>(), std::string("completed"));
        for (const char* field : { "planned", "answered", "errors", "no_answer", "coverage", "accuracy" })
            QVERIFY2(list[0].contains(field), field);
        QCOMPARE(list[0]["planned"].get<int>(), list[0]["problems"].get<int>());
        const auto runsText = runCli({ "runs", "--db", m_db });
        WB_EXPECT_STATUS(runsText, 0);
        QVERIFY(runsText.out.find("zero-shot-cot+i3c") != std::string::npos);

        const auto report = runCli({ "report", "--db", m_db, runA, "--json" });
        WB_EXPECT_STATUS(report, 0);
        const auto doc = nlohmann::json::parse(report.out);
        const std::size_t problems = doc["problems"];
        QCOMPARE(doc["rows"].size(), problems);
        QVERIFY(problems >= 30);
        for (const auto& row : doc["rows"]) {
            for (const char* field :
                { "index", "answer", "gold", "correct", "status", "reason", "calls", "tokens", "error" })
                QVERIFY2(row.contains(field), field);
            const std::string status = row["status"];
            QVERIFY2(
                status == "correct" || status == "wrong" || status == "no_answer" || status == "error", status.c_str());
            QCOMPARE(row["correct"].is_null(), status != "correct" && status != "wrong");
            QVERIFY(row["calls"].get<int>() >= 2);
        }
        // The stored configuration holds the method text and hash, the model and no key.
        QCOMPARE(doc["config"]["method"]["id"].get<std::string>(), std::string("zero-shot-cot+i3c"));
        QVERIFY(!doc["config"]["method"]["text"].get<std::string>().empty());
        QCOMPARE(doc["config"]["backend"]["model"].get<std::string>(), std::string("fake-model"));

        const std::string csv = (m_dir.path() + QStringLiteral("/report.csv")).toStdString();
        const auto reportCsv = runCli({ "report", "--db", m_db, runA, "--csv", csv });
        WB_EXPECT_STATUS(reportCsv, 0);
        QCOMPARE(countLines(csv), problems + 1);

        // The stored calls of one problem: request, response, status, tokens.
        const auto calls = runCli({ "calls", "--db", m_db, runA, "--index", "0", "--json" });
        WB_EXPECT_STATUS(calls, 0);
        const auto callList = nlohmann::json::parse(calls.out);
        QVERIFY(callList.size() >= 2);
        for (const auto& call : callList) {
            QCOMPARE(call["problem_index"].get<int>(), 0);
            for (const char* field : { "step", "messages", "response_text", "reasoning_text", "finish_reason", "status",
                     "prompt_tokens", "completion_tokens", "reasoning_tokens", "latency_ms" })
                QVERIFY2(call.contains(field), field);
        }
        const auto callsText = runCli({ "calls", "--db", m_db, runA, "--index", "0" });
        WB_EXPECT_STATUS(callsText, 0);
        QVERIFY2(callsText.out.find("problem 0 ") == 0, callsText.out.c_str());
        WB_EXPECT_STATUS(runCli({ "calls", "--db", m_db, "999" }), 2); // no such run

        const auto reportText = runCli({ "report", "--db", m_db, runA });
        WB_EXPECT_STATUS(reportText, 0);
        QVERIFY(reportText.out.find("accuracy ") != std::string::npos);

        const auto compare = runCli({ "compare", "--db", m_db, runA, runB, "--json" });
        WB_EXPECT_STATUS(compare, 0);
        const auto cmp = nlohmann::json::parse(compare.out);
        const auto& flips = cmp["flips"];
        QCOMPARE(flips["both_right"].get<std::size_t>() + flips["both_wrong"].get<std::size_t>()
                + flips["right_to_wrong"].get<std::size_t>() + flips["wrong_to_right"].get<std::size_t>(),
            problems);
        QVERIFY(cmp["mcnemar_p"].get<double>() >= 0.0 && cmp["mcnemar_p"].get<double>() <= 1.0);
        QVERIFY(cmp["difference_ci"].size() == 2);
        const auto compareText = runCli({ "compare", "--db", m_db, runA, runB });
        WB_EXPECT_STATUS(compareText, 0);
        QVERIFY(compareText.out.find("McNemar") != std::string::npos);

        // Resuming a finished run sends nothing and reports the same accuracy last.
        const int requests = m_server.totalRequests();
        const auto resumed = runCli({ "run", "--resume", runA, "--db", m_db });
        WB_EXPECT_STATUS(resumed, 0);
        QCOMPARE(m_server.totalRequests(), requests);
        QCOMPARE(resumed.lines().back(), firstLines.back());

        readersWorkOnAnUnwritableCopy(runA, runB);
    }

    void comparePairsByProblemIdentity()
    {
        QVERIFY2(m_serverUp, "the fake server could not listen on 127.0.0.1");
        const std::string db = (m_dir.path() + QStringLiteral("/pairs.db")).toStdString();
        const auto runOver = [&](const std::string& dataset, const std::vector<std::string>& extra) {
            std::vector<std::string> args { "run", dataset, "--method", "zero-shot-cot", "--model", "fake-model",
                "--base-url", m_server.baseUrl(), "--db", db };
            args.insert(args.end(), extra.begin(), extra.end());
            return runCli(args);
        };
        const auto all = runOver(demoDataset(), {});
        WB_EXPECT_STATUS(all, 0);
        const auto limited = runOver(demoDataset(), { "--limit", "5" });
        WB_EXPECT_STATUS(limited, 0);
        const std::string other
            = (wb::test::sourceDir() + QStringLiteral("/tests/data/datasets/crlf.jsonl")).toStdString();
        const auto elsewhere = runOver(other, {});
        WB_EXPECT_STATUS(elsewhere, 0);
        const std::string idAll = all.lines().front();
        const std::string idLimited = limited.lines().front();
        const std::string idElsewhere = elsewhere.lines().front();

        // The limited run covers the first five problems: both orders pair on exactly those.
        for (const auto& [a, b] : { std::pair { idAll, idLimited }, std::pair { idLimited, idAll } }) {
            const auto compare = runCli({ "compare", "--db", db, a, b, "--json" });
            WB_EXPECT_STATUS(compare, 0);
            const auto doc = nlohmann::json::parse(compare.out);
            QCOMPARE(doc["paired_problems"].get<std::size_t>(), std::size_t(5));
            QCOMPARE(doc["a"]["total"].get<std::size_t>(), std::size_t(5));
        }
        // Runs over different datasets are refused, not paired by position.
        const auto across = runCli({ "compare", "--db", db, idAll, idElsewhere });
        WB_EXPECT_STATUS(across, 2);
        QVERIFY2(across.err.find("cover different datasets") != std::string::npos, across.err.c_str());
    }

    void baseUrlFromEnvironment()
    {
        QVERIFY2(m_serverUp, "the fake server could not listen on 127.0.0.1");
        const std::string db = (m_dir.path() + QStringLiteral("/env.db")).toStdString();
        qputenv("OPENAI_BASE_URL", QByteArray::fromStdString(m_server.baseUrl()));
        const auto run = runCli(
            { "run", demoDataset(), "--method", "direct", "--model", "fake-model", "--db", db, "--limit", "2" });
        qunsetenv("OPENAI_BASE_URL");
        WB_EXPECT_STATUS(run, 0);
        const auto report = runCli({ "report", "--db", db, run.lines().front(), "--json" });
        const auto doc = nlohmann::json::parse(report.out);
        QCOMPARE(doc["config"]["backend"]["base_url"].get<std::string>(), m_server.baseUrl());
    }

    void batchExportImport()
    {
        const std::string db = (m_dir.path() + QStringLiteral("/batch.db")).toStdString();
        const auto planned = runCli({ "run", demoDataset(), "--method", "zero-shot-cot+i3c", "--model", "fake-model",
            "--base-url", "http://127.0.0.1:9/v1", "--db", db, "--limit", "12", "--plan-only" });
        WB_EXPECT_STATUS(planned, 0);
        const std::string runId = planned.lines().front();
        int rounds = 0;
        while (true) {
            const std::string requests = (m_dir.path() + QStringLiteral("/requests.jsonl")).toStdString();
            const std::string results = (m_dir.path() + QStringLiteral("/results.jsonl")).toStdString();
            const auto exported = runCli({ "export-batch", "--db", db, runId, "--out", requests });
            WB_EXPECT_STATUS(exported, 0);
            if (countLines(requests) == 0)
                break;
            QVERIFY(++rounds <= 3);
            QVERIFY(answerBatch(requests, results) > 0);
            const auto imported = runCli({ "import-batch", "--db", db, runId, results });
            WB_EXPECT_STATUS(imported, 0);
        }
        QVERIFY(rounds >= 2);
        const auto report = runCli({ "report", "--db", db, runId, "--json" });
        WB_EXPECT_STATUS(report, 0);
        const auto doc = nlohmann::json::parse(report.out);
        QCOMPARE(doc["rows"].size(), std::size_t(12));
        for (const auto& row : doc["rows"])
            QVERIFY2(row["error"].get<std::string>().empty(), row.dump().c_str());

        // A results file with a broken line names the file and line; exit 2.
        const std::string broken = (m_dir.path() + QStringLiteral("/broken.jsonl")).toStdString();
        std::ofstream(broken) << "{\"custom_id\": \"i3c:" << runId << ":0:reason\"}\nnot json\n";
        const auto bad = runCli({ "import-batch", "--db", db, runId, broken });
        WB_EXPECT_STATUS(bad, 2);
        QVERIFY2(bad.err.find("broken.jsonl:1") != std::string::npos, bad.err.c_str());
    }

    void selectDemosThenRunWithThem()
    {
        QVERIFY2(m_serverUp, "the fake server could not listen on 127.0.0.1");
        const std::string db = (m_dir.path() + QStringLiteral("/demos.db")).toStdString();
        const auto selected = runCli({ "select-demos", demoDataset(), "--method", "i3c-select", "--k", "3", "--db", db,
            "--model", "fake-model", "--base-url", m_server.baseUrl(), "--name", "demo-i3c" });
        WB_EXPECT_STATUS(selected, 0);
        const std::string demoSet = selected.lines().front();
        QVERIFY(selected.out.find("i3c-select k=3") != std::string::npos);

        const auto run = runCli({ "run", demoDataset(), "--method", "i3c-select", "--model", "fake-model", "--base-url",
            m_server.baseUrl(), "--db", db, "--limit", "5", "--demo-set", demoSet });
        WB_EXPECT_STATUS(run, 0);

        // Without a stored set of the method's default name the run says how to make one.
        const auto missing = runCli({ "run", demoDataset(), "--method", "auto-cot", "--model", "fake-model",
            "--base-url", m_server.baseUrl(), "--db", db, "--limit", "5" });
        WB_EXPECT_STATUS(missing, 2);
        QVERIFY2(missing.err.find("select-demos") != std::string::npos, missing.err.c_str());
    }

    void azureReasoningModelFlags()
    {
        wb::test::FakeServerConfig config;
        config.azureApiVersion = "2024-10-21";
        config.reasoningModels = { "fake-model" };
        config.requiredKey = "azure-cli-key-0123456789";
        wb::test::FakeServer azure(config);
        QVERIFY2(azure.start(), "the fake server could not listen on 127.0.0.1");
        const std::string db = (m_dir.path() + QStringLiteral("/azure.db")).toStdString();
        qputenv("WB_TEST_AZURE_CLI_KEY", QByteArray::fromStdString(config.requiredKey));
        const auto run = runCli({ "run", demoDataset(), "--method", "direct", "--model", "fake-model", "--base-url",
            azure.azureDeploymentUrl("fake-model"), "--api-version", "2024-10-21", "--api-key-env",
            "WB_TEST_AZURE_CLI_KEY", "--reasoning-model", "--reasoning-effort", "low", "--max-wait", "60", "--db", db,
            "--limit", "2" });
        qunsetenv("WB_TEST_AZURE_CLI_KEY");
        WB_EXPECT_STATUS(run, 0);
        QCOMPARE(azure.rejectedForReasoning(), 0);
        QCOMPARE(azure.presentedKeys().size(), std::size_t(1));
        const auto report = runCli({ "report", "--db", db, run.lines().front(), "--json" });
        WB_EXPECT_STATUS(report, 0);
        const auto backend = nlohmann::json::parse(report.out)["config"]["backend"];
        QCOMPARE(backend["api_version"].get<std::string>(), std::string("2024-10-21"));
        QVERIFY(backend["reasoning_model"].get<bool>());
        QCOMPARE(backend["reasoning_effort"].get<std::string>(), std::string("low"));
        QCOMPARE(backend["max_wait_s"].get<double>(), 60.0);
    }

    void baseModelMethodUsesCompletionsWithCacheAndResume()
    {
        wb::test::FakeServer server;
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        const std::string db = (m_dir.path() + QStringLiteral("/base.db")).toStdString();
        const std::vector<std::string> args { "run", demoDataset(), "--method", "zero-shot-cot+i3c-base", "--model",
            "fake-model", "--base-url", server.baseUrl(), "--db", db, "--limit", "6" };
        const auto first = runCli(args);
        WB_EXPECT_STATUS(first, 0);
        const auto bodies = server.chatBodies();
        QVERIFY(!bodies.empty());
        for (const auto& body : bodies) {
            QVERIFY2(body.contains("prompt") && body["prompt"].is_string(), body.dump().c_str());
            QVERIFY2(!body.contains("messages"), body.dump().c_str());
        }
        const std::string runId = first.lines().front();
        const auto calls = runCli({ "calls", "--db", db, runId, "--index", "0", "--json" });
        WB_EXPECT_STATUS(calls, 0);
        const auto stored = nlohmann::json::parse(calls.out);
        QVERIFY(!stored.empty());
        QCOMPARE(stored[0]["status"].get<std::string>(), std::string("done"));
        QVERIFY(!stored[0]["response_text"].get<std::string>().empty());

        // The same run again is answered from the cache: not one more request reaches the server.
        const std::size_t sent = server.chatBodies().size();
        const auto again = runCli(args);
        WB_EXPECT_STATUS(again, 0);
        QCOMPARE(server.chatBodies().size(), sent);
        QVERIFY2(again.out.find("sent 0,") != std::string::npos, again.out.c_str());
        const auto report = runCli({ "report", "--db", db, again.lines().front(), "--json" });
        WB_EXPECT_STATUS(report, 0);
        QVERIFY(nlohmann::json::parse(report.out).contains("rows"));
    }

    void failingBackendExitsOneWithRecordedErrors()
    {
        QVERIFY2(m_serverUp, "the fake server could not listen on 127.0.0.1");
        const std::string db = (m_dir.path() + QStringLiteral("/fail.db")).toStdString();
        m_server.setFaultProbability(wb::test::Fault::ServerError, 1.0);
        const auto run = runCli({ "run", demoDataset(), "--method", "direct", "--model", "fake-model", "--base-url",
            m_server.baseUrl(), "--db", db, "--limit", "3", "--retries", "0", "--no-cache" });
        m_server.clearFaults();
        WB_EXPECT_STATUS(run, 1);
        QVERIFY(run.err.find("--resume") != std::string::npos);
        const auto report = runCli({ "report", "--db", db, run.lines().front(), "--json" });
        WB_EXPECT_STATUS(report, 0);
        const auto doc = nlohmann::json::parse(report.out);
        QCOMPARE(doc["errors"].get<int>(), 3);
        // Nothing was answered: the accuracy is null, not 0, and every row says why.
        QVERIFY(doc["accuracy"].is_null());
        QCOMPARE(doc["answered"].get<int>(), 0);
        for (const auto& row : doc["rows"]) {
            QCOMPARE(row["status"].get<std::string>(), std::string("error"));
            QVERIFY(!row["reason"].get<std::string>().empty());
        }
        QVERIFY2(run.out.find("n/a (nothing answered)") != std::string::npos, run.out.c_str());
        const auto resumed = runCli({ "run", "--resume", run.lines().front(), "--db", db });
        WB_EXPECT_STATUS(resumed, 0);
    }

    void badInputExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString dataset = QString::fromStdString(demoDataset());
        const QString db = m_dir.path() + QStringLiteral("/bad.db");
        const QString missingDb = m_dir.path() + QStringLiteral("/nothing-here.db");
        QTest::newRow("missing dataset") << QStringList { "run", m_dir.path() + "/none.jsonl", "--method", "direct",
            "--model", "m", "--db", db } << "none.jsonl";
        QTest::newRow("no model") << QStringList { "run", dataset, "--method", "direct", "--db", db, "--base-url",
            "http://127.0.0.1:9/v1" }
                                  << "--model";
        QTest::newRow("no method") << QStringList { "run", dataset, "--model", "m", "--db", db } << "--method";
        QTest::newRow("unknown method") << QStringList { "run", dataset, "--method", "magic", "--model", "m", "--db",
            db } << "unknown method 'magic'";
        QTest::newRow("bad concurrency") << QStringList { "run", dataset, "--method", "direct", "--model", "m",
            "--concurrency", "many", "--db", db }
                                         << "--concurrency";
        QTest::newRow("unknown option") << QStringList { "run", dataset, "--bogus" } << "--bogus";
        QTest::newRow("deployment without api-version") << QStringList { "run", dataset, "--method", "direct",
            "--model", "m", "--db", db, "--base-url", "https://res.openai.azure.com/openai/deployments/gpt4o" }
                                                        << "--api-version";
        QTest::newRow("bad max wait") << QStringList { "run", dataset, "--method", "direct", "--model", "m", "--db", db,
            "--max-wait", "0" } << "--max-wait";
        QTest::newRow("bad reasoning effort") << QStringList { "run", dataset, "--method", "direct", "--model", "m",
            "--db", db, "--reasoning-effort", "very high" }
                                              << "--reasoning-effort";
        QTest::newRow("resume unknown run") << QStringList { "run", "--resume", "999", "--db", db } << "999";
        QTest::newRow("resume with options")
            << QStringList { "run", "--resume", "1", "--db", db, "--model", "x" } << "--model";
        QTest::newRow("resume bad id") << QStringList { "run", "--resume", "abc", "--db", db } << "abc";
        QTest::newRow("runs missing db") << QStringList { "runs", "--db", missingDb } << "nothing-here.db";
        QTest::newRow("report no run") << QStringList { "report", "--db", db } << "RUN";
        QTest::newRow("report both formats")
            << QStringList { "report", "--db", db, "1", "--json", "--csv", "x.csv" } << "--csv";
        QTest::newRow("compare one run") << QStringList { "compare", "--db", db, "1" } << "RUN_A RUN_B";
        QTest::newRow("export no out") << QStringList { "export-batch", "--db", db, "1" } << "--out";
        QTest::newRow("import missing file")
            << QStringList { "import-batch", "--db", db, "1", m_dir.path() + "/none.jsonl" } << "none.jsonl";
        QTest::newRow("select-demos bad method")
            << QStringList { "select-demos", dataset, "--method", "best", "--db", db } << "--method";
    }
    void badInputExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto outcome = wb::test::runCliList(args);
        WB_EXPECT_STATUS(outcome, 2);
        QVERIFY2(outcome.err.find(message.toStdString()) != std::string::npos, outcome.err.c_str());
        QVERIFY(outcome.err.rfind("i3c: ", 0) == 0);
    }
};

QTEST_GUILESS_MAIN(TestRunCli)
#include "tst_runcli.moc"
