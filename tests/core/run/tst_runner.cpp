// SPDX-License-Identifier: Apache-2.0
// The batch runner against the fake OpenAI-compatible server: faults, cancel and resume, kill -9 and resume,
// the cancel grace, the response cache, recorded errors and the Batch API round trip.
#include "runner_fixture.h"

#include "core/run/batchjsonl.h"
#include "core/run/runner.h"
#include "core/store/store.h"
#include "support/fakeserver.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <optional>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace wb;

namespace {

constexpr int kProblems = 50;

QString describe(const Error& error) { return QString::fromStdString(error.toString()); }

#define WB_VERIFY_OK(expr)                                                                                             \
    do {                                                                                                               \
        const auto& wbResult = (expr);                                                                                 \
        QVERIFY2(wbResult.ok(), wbResult.ok() ? "" : qPrintable(describe(wbResult.error())));                          \
    } while (false)

run::RunnerOptions testOptions()
{
    run::RunnerOptions options;
    options.programFactory = test::arithmeticProgramFactory();
    options.progressIntervalSeconds = 0.0;
    return options;
}

std::size_t doneCalls(store::Store& store, run::RunId runId)
{
    auto calls = store.loadCalls(runId);
    std::size_t done = 0;
    for (const auto& call : *calls)
        done += call.status == store::CallStatus::Done;
    return done;
}

} // namespace

class TestRunner final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_dataset;

    std::string dbPath(const char* name) const
    {
        return (m_dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString();
    }

    /// Every problem has exactly one result, and it carries either an answer or an error.
    void verifyEveryProblemAccounted(store::Store& store, run::RunId runId)
    {
        auto results = store.loadResults(runId);
        WB_VERIFY_OK(results);
        QCOMPARE(int(results->size()), kProblems);
        std::set<std::int64_t> seen;
        for (const auto& r : *results) {
            QVERIFY(seen.insert(r.problemIndex).second);
            QVERIFY2(!r.extractedAnswer.empty() || !r.error.empty(), qPrintable(QString::number(r.problemIndex)));
            QVERIFY(r.calls >= 2);
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dataset = (m_dir.path() + QStringLiteral("/arith.jsonl")).toStdString();
        QVERIFY(test::writeArithmeticDataset(m_dataset, kProblems));
    }

    void everyFaultClassAtTenPercent()
    {
        test::FakeServerConfig serverConfig;
        serverConfig.retryAfter = std::string(1, '0'); // = "0" draws a false -Wrestrict from GCC 12 at -O3
        serverConfig.stallFor = std::chrono::milliseconds(1200);
        test::FakeServer server(serverConfig);
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        for (const auto fault : { test::Fault::ServerError, test::Fault::RateLimited, test::Fault::DropConnection,
                 test::Fault::MalformedJson, test::Fault::Stall })
            server.setFaultProbability(fault, 0.10);

        auto store = store::Store::open(dbPath("faults.db"));
        WB_VERIFY_OK(store);
        run::Runner runner(*store, testOptions());
        auto config = test::arithmeticConfig(m_dataset, server.baseUrl());
        config.backend.maxRetries = 10;
        config.backend.requestTimeoutS = 0.7; // generous: a late answer after a timeout would be a legitimate duplicate
        auto runId = runner.create(config);
        WB_VERIFY_OK(runId);

        CancelToken cancel;
        std::vector<run::Progress> seen;
        auto summary = runner.execute(*runId, cancel, [&](const run::Progress& p) { seen.push_back(p); });
        WB_VERIFY_OK(summary);
        QCOMPARE(summary->problems, std::size_t(kProblems));
        QCOMPARE(summary->scored + summary->errors, std::size_t(kProblems));
        verifyEveryProblemAccounted(*store, *runId);

        // Faults cost retries, never a second answered call; every answered call was stored.
        QCOMPARE(server.maxSuccessesPerBody(), 1);
        QCOMPARE(std::size_t(server.totalSuccesses()), doneCalls(*store, *runId));
        QVERIFY(server.totalRequests() > server.totalSuccesses());
        QVERIFY(summary->plannedCalls >= std::uint64_t(2 * kProblems));

        // Progress: monotone, and the final snapshot says finished with the planned total.
        QVERIFY(!seen.empty());
        for (std::size_t i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i].doneCalls >= seen[i - 1].doneCalls);
        QVERIFY(seen.back().finished);
        QCOMPARE(seen.back().totalCalls, summary->plannedCalls);
        QCOMPARE(seen.back().doneProblems, std::uint64_t(kProblems));

        auto record = store->run(*runId);
        WB_VERIFY_OK(record);
        QCOMPARE(record->status, store::RunStatus::Completed);
        QCOMPARE(record->correct, summary->correct);
    }

    void cancelThenResumeSendsOnlyMissingCalls()
    {
        test::FakeServer server;
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        auto store = store::Store::open(dbPath("resume.db"));
        WB_VERIFY_OK(store);
        std::uint64_t planned = 0;
        run::RunId runId = 0;
        {
            run::Runner runner(*store, testOptions());
            auto created = runner.create(test::arithmeticConfig(m_dataset, server.baseUrl()));
            WB_VERIFY_OK(created);
            runId = *created;
            CancelToken cancel;
            auto summary = runner.execute(runId, cancel, [&](const run::Progress& p) {
                if (p.doneCalls >= 40)
                    cancel.cancel();
            });
            WB_VERIFY_OK(summary);
            QCOMPARE(summary->status, store::RunStatus::Cancelled);
            planned = summary->plannedCalls;
            QVERIFY(summary->doneCalls >= 40);
            QVERIFY(summary->doneCalls < planned);
            auto record = store->run(runId);
            QCOMPARE(record->status, store::RunStatus::Cancelled);
        }
        const int sentBeforeResume = server.totalSuccesses();
        QCOMPARE(std::size_t(sentBeforeResume), doneCalls(*store, runId));

        run::Runner resumed(*store, testOptions());
        CancelToken cancel;
        auto summary = resumed.execute(runId, cancel, {});
        WB_VERIFY_OK(summary);
        QCOMPARE(summary->status, store::RunStatus::Completed);
        QCOMPARE(summary->sessionResumed, std::uint64_t(sentBeforeResume));
        QCOMPARE(std::uint64_t(server.totalSuccesses()), planned);
        QCOMPARE(server.maxSuccessesPerBody(), 1);
        verifyEveryProblemAccounted(*store, runId);

        // Resuming a finished run sends nothing.
        auto again = resumed.execute(runId, cancel, {});
        WB_VERIFY_OK(again);
        QCOMPARE(std::uint64_t(server.totalSuccesses()), planned);
    }

    void killedProcessResumesWithoutResendingStoredCalls()
    {
        test::FakeServerConfig serverConfig;
        serverConfig.latency = std::chrono::milliseconds(5);
        test::FakeServer server(serverConfig);
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        const std::string path = dbPath("killed.db");
        run::RunId runId = 0;
        {
            auto store = store::Store::open(path);
            WB_VERIFY_OK(store);
            run::Runner runner(*store, testOptions());
            auto created = runner.create(test::arithmeticConfig(m_dataset, server.baseUrl()));
            WB_VERIFY_OK(created);
            runId = *created;
        }
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // The child only runs the run; the parent kills it once enough calls are committed.
            auto store = store::Store::open(path);
            if (!store)
                _exit(3);
            run::Runner runner(*store, testOptions());
            CancelToken cancel;
            auto summary = runner.execute(runId, cancel, {});
            _exit(summary ? 0 : 4);
        }
        std::size_t committed = 0;
        {
            auto watcher = store::Store::open(path);
            WB_VERIFY_OK(watcher);
            for (int i = 0; i < 3000 && committed < 60; ++i) {
                usleep(2000);
                committed = doneCalls(*watcher, runId);
            }
        }
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        QVERIFY(committed >= 60);

        auto store = store::Store::open(path);
        WB_VERIFY_OK(store);
        auto before = store->loadCalls(runId);
        WB_VERIFY_OK(before);
        std::vector<std::string> storedBodies;
        for (const auto& call : *before) {
            if (call.status == store::CallStatus::Done)
                storedBodies.push_back(call.requestJson);
        }
        QVERIFY(storedBodies.size() >= committed);
        QVERIFY(storedBodies.size() < 200);

        run::Runner runner(*store, testOptions());
        CancelToken cancel;
        auto summary = runner.execute(runId, cancel, {});
        WB_VERIFY_OK(summary);
        QCOMPARE(summary->status, store::RunStatus::Completed);
        QCOMPARE(summary->sessionResumed, std::uint64_t(storedBodies.size()));
        verifyEveryProblemAccounted(*store, runId);
        // A call whose response was stored before the kill was never requested again.
        for (const auto& body : storedBodies)
            QCOMPARE(server.requestCount(test::FakeServer::bodyKey(body)), 1);
        QCOMPARE(doneCalls(*store, runId), std::size_t(summary->plannedCalls));
    }

    void secondExecutorOfARunIsRefusedWhileTheFirstRuns()
    {
        test::FakeServerConfig serverConfig;
        serverConfig.latency = std::chrono::milliseconds(20);
        test::FakeServer server(serverConfig);
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        const std::string path = dbPath("twice.db");
        auto store = store::Store::open(path);
        WB_VERIFY_OK(store);
        run::Runner runner(*store, testOptions());
        auto created = runner.create(test::arithmeticConfig(m_dataset, server.baseUrl()));
        WB_VERIFY_OK(created);
        const run::RunId runId = *created;

        CancelToken firstCancel;
        std::optional<Result<run::RunSummary>> firstOutcome;
        std::thread first([&] {
            auto own = store::Store::open(path); // one connection per thread
            run::Runner firstRunner(*own, testOptions());
            firstOutcome.emplace(firstRunner.execute(runId, firstCancel, {}));
        });
        QTRY_VERIFY_WITH_TIMEOUT(doneCalls(*store, runId) >= 10, 20000);

        CancelToken secondCancel;
        auto second = runner.execute(runId, secondCancel, {});
        const bool refused = !second.ok() && second.error().code == ErrorCode::Busy;
        firstCancel.cancel();
        first.join();
        QVERIFY2(refused, second.ok() ? "the second executor ran" : qPrintable(describe(second.error())));
        QVERIFY2(describe(second.error()).contains(QStringLiteral("is being executed by process")),
            qPrintable(describe(second.error())));
        WB_VERIFY_OK(*firstOutcome);

        // The first executor released the run: a resume now finishes it, and no call was ever paid twice.
        auto resumed = runner.execute(runId, secondCancel, {});
        WB_VERIFY_OK(resumed);
        QCOMPARE(resumed->status, store::RunStatus::Completed);
        QCOMPARE(server.maxSuccessesPerBody(), 1);
    }

    void identicalRerunIsServedFromCache()
    {
        test::FakeServer server;
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        auto store = store::Store::open(dbPath("cache.db"));
        WB_VERIFY_OK(store);
        run::Runner runner(*store, testOptions());
        CancelToken cancel;
        auto first = runner.create(test::arithmeticConfig(m_dataset, server.baseUrl()));
        WB_VERIFY_OK(first);
        auto firstSummary = runner.execute(*first, cancel, {});
        WB_VERIFY_OK(firstSummary);
        const int requests = server.totalRequests();
        QCOMPARE(std::uint64_t(requests), firstSummary->plannedCalls);
        QVERIFY(server.maxConcurrent() <= 8); // the backend's concurrency limit

        auto second = runner.create(test::arithmeticConfig(m_dataset, server.baseUrl()));
        WB_VERIFY_OK(second);
        QVERIFY(*second != *first);
        auto secondSummary = runner.execute(*second, cancel, {});
        WB_VERIFY_OK(secondSummary);
        QCOMPARE(server.totalRequests(), requests);
        QCOMPARE(secondSummary->sessionCached, secondSummary->plannedCalls);
        QCOMPARE(secondSummary->sessionSent, std::uint64_t(0));
        QCOMPARE(secondSummary->correct, firstSummary->correct);

        // --no-cache sends everything again.
        auto config = test::arithmeticConfig(m_dataset, server.baseUrl());
        config.useCache = false;
        auto third = runner.create(config);
        WB_VERIFY_OK(third);
        auto thirdSummary = runner.execute(*third, cancel, {});
        WB_VERIFY_OK(thirdSummary);
        QCOMPARE(std::uint64_t(server.totalRequests()), std::uint64_t(requests) + thirdSummary->plannedCalls);
    }

    void failedCallsAreRecordedThenRetriedOnResume()
    {
        test::FakeServer server;
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        server.setFaultProbability(test::Fault::ServerError, 1.0);
        auto store = store::Store::open(dbPath("errors.db"));
        WB_VERIFY_OK(store);
        run::Runner runner(*store, testOptions());
        auto config = test::arithmeticConfig(m_dataset, server.baseUrl());
        config.backend.maxRetries = 0;
        config.limit = 5;
        auto runId = runner.create(config);
        WB_VERIFY_OK(runId);
        CancelToken cancel;
        auto summary = runner.execute(*runId, cancel, {});
        WB_VERIFY_OK(summary);
        QCOMPARE(summary->errors, std::size_t(5));
        QCOMPARE(summary->correct, std::size_t(0));
        auto results = store->loadResults(*runId);
        QCOMPARE(int(results->size()), 5);
        for (const auto& r : *results) {
            QVERIFY(!r.error.empty());
            QVERIFY2(QString::fromStdString(r.error).contains(QStringLiteral("500")), r.error.c_str());
        }

        server.clearFaults();
        auto resumed = runner.execute(*runId, cancel, {});
        WB_VERIFY_OK(resumed);
        QCOMPARE(resumed->errors, std::size_t(0));
        QCOMPARE(resumed->scored, std::size_t(5));
        QCOMPARE(server.maxSuccessesPerBody(), 1);
    }

    void deadBackendStopsTheRunResumably()
    {
        test::FakeServer server;
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        server.setFaultProbability(test::Fault::ServerError, 1.0);
        auto store = store::Store::open(dbPath("dead.db"));
        WB_VERIFY_OK(store);
        run::Runner runner(*store, testOptions());
        auto config = test::arithmeticConfig(m_dataset, server.baseUrl());
        config.backend.maxRetries = 0;
        auto runId = runner.create(config);
        WB_VERIFY_OK(runId);
        CancelToken cancel;
        auto failed = runner.execute(*runId, cancel, {});
        QVERIFY(!failed.ok());
        QVERIFY2(QString::fromStdString(failed.error().message).contains(QStringLiteral("in a row")),
            failed.error().toString().c_str());
        QCOMPARE(store->run(*runId)->status, store::RunStatus::Failed);
        QVERIFY(store->loadResults(*runId)->size() < std::size_t(kProblems)); // not every problem burnt as an error

        server.clearFaults();
        auto resumed = runner.execute(*runId, cancel, {});
        WB_VERIFY_OK(resumed);
        QCOMPARE(resumed->status, store::RunStatus::Completed);
        QCOMPARE(resumed->errors, std::size_t(0));
        verifyEveryProblemAccounted(*store, *runId);
    }

    void cancelGraceLetsSentCallsDeliver()
    {
        test::FakeServerConfig serverConfig;
        serverConfig.latency = std::chrono::milliseconds(200);
        test::FakeServer server(serverConfig);
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        auto store = store::Store::open(dbPath("grace.db"));
        WB_VERIFY_OK(store);
        auto options = testOptions();
        options.cancelGraceSeconds = 60.0;
        run::Runner runner(*store, options);
        auto runId = runner.create(test::arithmeticConfig(m_dataset, server.baseUrl()));
        WB_VERIFY_OK(runId);
        CancelToken cancel;
        std::optional<run::Progress> atCancel;
        auto summary = runner.execute(*runId, cancel, [&](const run::Progress& p) {
            if (!atCancel && p.inFlight > 0) {
                atCancel = p;
                cancel.cancel();
            }
        });
        WB_VERIFY_OK(summary);
        QVERIFY(atCancel);
        QCOMPARE(summary->status, store::RunStatus::Cancelled);
        // Nothing was sent after the cancel, and every call already sent delivered within the grace.
        QCOMPARE(summary->doneCalls, atCancel->doneCalls + atCancel->inFlight);
        QCOMPARE(doneCalls(*store, *runId), std::size_t(summary->doneCalls));
        QCOMPARE(std::size_t(server.totalSuccesses()), doneCalls(*store, *runId));
    }

    void zeroGraceAbortsCallsInFlightWithoutRecordingThem()
    {
        test::FakeServerConfig serverConfig;
        serverConfig.latency = std::chrono::milliseconds(2000);
        test::FakeServer server(serverConfig);
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        auto store = store::Store::open(dbPath("abort.db"));
        WB_VERIFY_OK(store);
        auto options = testOptions();
        options.cancelGraceSeconds = 0.0;
        run::Runner runner(*store, options);
        auto config = test::arithmeticConfig(m_dataset, server.baseUrl());
        config.backend.requestTimeoutS = 30.0;
        config.limit = 5;
        auto runId = runner.create(config);
        WB_VERIFY_OK(runId);
        CancelToken cancel;
        std::optional<run::Progress> atCancel;
        auto summary = runner.execute(*runId, cancel, [&](const run::Progress& p) {
            if (!atCancel && p.inFlight > 0) {
                atCancel = p;
                cancel.cancel();
            }
        });
        WB_VERIFY_OK(summary);
        QVERIFY(atCancel);
        QCOMPARE(summary->status, store::RunStatus::Cancelled);
        QVERIFY(summary->doneCalls < atCancel->doneCalls + atCancel->inFlight);
        // An aborted call is not a failure: nothing is stored for it, and the resumed run sends it.
        auto calls = store->loadCalls(*runId);
        WB_VERIFY_OK(calls);
        for (const auto& call : *calls)
            QCOMPARE(call.status, store::CallStatus::Done);
        QVERIFY(store->loadResults(*runId)->empty());

        server.setLatency(std::chrono::milliseconds(0));
        cancel.reset();
        auto resumed = runner.execute(*runId, cancel, {});
        WB_VERIFY_OK(resumed);
        QCOMPARE(resumed->status, store::RunStatus::Completed);
        QCOMPARE(resumed->errors, std::size_t(0));
        QCOMPARE(resumed->scored, std::size_t(5));
    }

    void badConfigurationIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("no model") << "config.backend.model";
        QTest::newRow("missing dataset") << "missing.jsonl";
    }
    void badConfigurationIsRefused()
    {
        QFETCH(QString, field);
        auto store = store::Store::openMemory();
        WB_VERIFY_OK(store);
        run::Runner runner(*store, testOptions());
        auto config = test::arithmeticConfig(m_dataset, "http://127.0.0.1:9/v1");
        if (field == QStringLiteral("config.backend.model"))
            config.backend.model.clear();
        else
            config.datasetPath = (m_dir.path() + QStringLiteral("/missing.jsonl")).toStdString();
        auto runId = runner.create(config);
        QVERIFY(!runId.ok());
        QVERIFY2(QString::fromStdString(runId.error().toString()).contains(field), runId.error().toString().c_str());
    }

    void learnedParameterRulesAreRecordedForTheRerun()
    {
        test::FakeServerConfig serverConfig;
        serverConfig.models = { "o-fake" };
        serverConfig.reasoningModels = { "o-fake" };
        test::FakeServer server(serverConfig);
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        auto store = store::Store::open(dbPath("reasoning.db"));
        WB_VERIFY_OK(store);
        run::Runner runner(*store, testOptions());
        auto config = test::arithmeticConfig(m_dataset, server.baseUrl());
        config.backend.model = "o-fake";
        config.limit = 5;
        auto runId = runner.create(config);
        WB_VERIFY_OK(runId);
        CancelToken cancel;
        auto summary = runner.execute(*runId, cancel, {});
        WB_VERIFY_OK(summary);
        QCOMPARE(summary->errors, std::size_t(0));
        const int rejected = server.rejectedForReasoning();
        QVERIFY(rejected >= 2);

        // The run's configuration now says what the server taught, and every stored body is what was sent.
        auto stored = store->run(*runId);
        WB_VERIFY_OK(stored);
        auto learned = run::RunConfig::fromJsonText(stored->configJson);
        WB_VERIFY_OK(learned);
        QVERIFY(learned->backend.maxCompletionTokens);
        QCOMPARE(learned->backend.omitParams, std::vector<std::string> { "temperature" });
        auto calls = store->loadCalls(*runId);
        WB_VERIFY_OK(calls);
        for (const auto& call : *calls) {
            const auto body = nlohmann::json::parse(call.requestJson);
            QVERIFY(body.contains("max_completion_tokens") && !body.contains("max_tokens"));
            QVERIFY(!body.contains("temperature"));
        }

        // A rerun from the recorded configuration sends the same bodies: all from the cache, no new 400.
        const int requests = server.totalRequests();
        auto rerun = runner.create(*learned);
        WB_VERIFY_OK(rerun);
        auto again = runner.execute(*rerun, cancel, {});
        WB_VERIFY_OK(again);
        QCOMPARE(again->sessionSent, std::uint64_t(0));
        QCOMPARE(server.totalRequests(), requests);
        QCOMPARE(server.rejectedForReasoning(), rejected);
    }

    void batchExportImportRoundTrip()
    {
        auto store = store::Store::open(dbPath("batch.db"));
        WB_VERIFY_OK(store);
        run::Runner runner(*store, testOptions());
        auto config = test::arithmeticConfig(m_dataset, "http://127.0.0.1:9/v1");
        config.limit = 10;
        auto runId = runner.create(config);
        WB_VERIFY_OK(runId);

        std::set<std::string> exportedIds;
        int rounds = 0;
        while (true) {
            std::stringstream requests;
            auto lines = runner.exportBatch(*runId, requests);
            WB_VERIFY_OK(lines);
            if (*lines == 0)
                break;
            QVERIFY(++rounds <= 3); // verify → reason → extract
            // Play the provider: answer every request line with a chat completion.
            std::stringstream output;
            std::string line;
            std::size_t count = 0;
            while (std::getline(requests, line)) {
                const auto json = nlohmann::json::parse(line);
                const std::string customId = json["custom_id"];
                QVERIFY2(exportedIds.insert(customId).second, customId.c_str()); // never exported twice
                QCOMPARE(json["body"]["model"].get<std::string>(), std::string("fake-model"));
                const nlohmann::json body
                    = { { "choices",
                            { { { "index", 0 }, { "finish_reason", "stop" },
                                { "message", { { "role", "assistant" }, { "content", "The answer is 7." } } } } } },
                          { "usage", { { "prompt_tokens", 10 }, { "completion_tokens", 5 } } },
                          { "model", "fake-model" } };
                output << nlohmann::json(
                    { { "id", "r" }, { "custom_id", customId },
                        { "response", { { "status_code", 200 }, { "body", body } } }, { "error", nullptr } })
                              .dump()
                       << '\n';
                ++count;
            }
            QCOMPARE(count, *lines);
            auto imported = runner.importBatch(*runId, output, "out.jsonl");
            WB_VERIFY_OK(imported);
            QCOMPARE(imported->imported, count);
            // Importing the same file again changes nothing.
            std::stringstream replay(output.str());
            auto again = runner.importBatch(*runId, replay, "out.jsonl");
            WB_VERIFY_OK(again);
            QCOMPARE(again->skipped, count);
        }
        QVERIFY(rounds >= 2);
        auto results = store->loadResults(*runId);
        QCOMPARE(int(results->size()), 10);
        for (const auto& r : *results)
            QCOMPARE(QString::fromStdString(r.extractedAnswer), QStringLiteral("7"));

        // A line of another run is refused with its file and line.
        std::stringstream foreign(R"({"custom_id":"i3c:999:0:reason","response":{"status_code":200,"body":{}}})");
        auto refused = runner.importBatch(*runId, foreign, "foreign.jsonl");
        QVERIFY(!refused.ok());
        QCOMPARE(QString::fromStdString(refused.error().location), QStringLiteral("foreign.jsonl:1"));
    }
};

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
