// SPDX-License-Identifier: Apache-2.0
// Today's backends against the fake server and as pure functions: OpenAI reasoning models (learned and
// configured parameter rules), Azure OpenAI (deployment URLs, api-key, api-version), errors inside 200 answers
// and streams, Groq's 413 throttling, x-ratelimit-* headers, bounded waiting and keys as values.
#include "core/llm/bodyerror.h"
#include "core/llm/canonical.h"
#include "core/llm/client.h"
#include "core/llm/concurrencycontroller.h"
#include "core/llm/httperror.h"
#include "core/llm/parameterrules.h"
#include "core/llm/retrypolicy.h"
#include "support/fakeserver.h"

#include <QElapsedTimer>
#include <QtTest>

#include <future>
#include <mutex>

using namespace wb::llm;
using wb::test::FakeServer;
using wb::test::FakeServerConfig;
using wb::test::Fault;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

BackendProfile profileFor(const std::string& baseUrl, const std::string& model = "fake-model")
{
    BackendProfile p;
    p.name = "fake";
    p.baseUrl = baseUrl;
    p.model = model;
    p.apiKeyEnv = "WB_TEST_BACKENDS_UNSET";
    p.concurrency = 1;
    p.connectTimeoutS = 2;
    p.requestTimeoutS = 5;
    p.maxRetries = 4;
    p.retryBaseDelayS = 0.01;
    p.retryMaxDelayS = 0.05;
    return p;
}

ChatRequest sampled(int i, bool stream = false)
{
    ChatRequest r;
    r.messages = { { "user", "Problem number " + std::to_string(i) + "?" } };
    r.temperature = 0.7;
    r.maxTokens = 512;
    r.stream = stream;
    return r;
}

ClientOptions withKey(const std::string& key)
{
    ClientOptions options;
    options.apiKey = fixedKey(key);
    return options;
}

/// A server whose model "o-fake" answers like OpenAI's reasoning models.
FakeServerConfig reasoningServer()
{
    FakeServerConfig config;
    config.models = { "o-fake" };
    config.reasoningModels = { "o-fake" };
    return config;
}

QString failureText(const wb::Result<ChatResponse>& r) { return r.ok() ? QString() : q(r.error().toString()); }

#define START_SERVER(server) QVERIFY2((server).start(), "the fake server could not listen on 127.0.0.1")

} // namespace

class TestLlmBackends final : public QObject {
    Q_OBJECT
private slots:
    // --- reasoning models -------------------------------------------------------------------------------------

    void reasoningProfileAdaptsTheBody()
    {
        BackendProfile p = profileFor("http://h/v1", "o4-mini");
        p.reasoningModel = true;
        p.reasoningEffort = "high";
        ChatRequest r = sampled(1);
        r.topP = 0.9;
        r.seed = 7;
        const nlohmann::json body = nlohmann::json::parse(canonicalRequestJson(p, r));
        QCOMPARE(body.value("max_completion_tokens", 0), 512);
        QVERIFY(!body.contains("max_tokens"));
        QVERIFY(!body.contains("temperature"));
        QVERIFY(!body.contains("top_p"));
        QCOMPARE(body.value("seed", 0), 7);
        QCOMPARE(q(body.value("reasoning_effort", std::string())), QStringLiteral("high"));
        BackendProfile plain = p;
        plain.reasoningModel = false;
        plain.reasoningEffort.clear();
        QVERIFY(cacheKey(p, r) != cacheKey(plain, r)); // what changes the body changes the key
        BackendProfile learned = plain;
        learned.omitParams = { "temperature" };
        QVERIFY(!nlohmann::json::parse(canonicalRequestJson(learned, r)).contains("temperature"));
        QVERIFY(cacheKey(learned, r) != cacheKey(plain, r));
    }

    void rejectedParameters_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("max_tokens")
            << 400
            << R"({"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}})"
            << "max_tokens";
        QTest::newRow("temperature value")
            << 400
            << R"({"error":{"message":"Unsupported value: 'temperature' does not support 0.7 with this model. Only the default (1) value is supported.","param":"temperature","code":"unsupported_value"}})"
            << "temperature";
        QTest::newRow("no param field")
            << 400
            << R"({"error":{"message":"Unsupported parameter: 'top_p' is not supported with this model.","code":"invalid_request_body"}})"
            << "top_p";
        QTest::newRow("other 400") << 400 << R"({"error":{"message":"bad max_tokens","param":"max_tokens"}})"
                                   << "";
        QTest::newRow("not a 400") << 404 << R"({"error":{"code":"unsupported_parameter","param":"x"}})"
                                   << "";
        QTest::newRow("not JSON") << 400 << "<html>"
                                  << "";
    }
    void rejectedParameters()
    {
        QFETCH(int, status);
        QFETCH(QString, body);
        QFETCH(QString, parameter);
        const std::optional<std::string> found = rejectedParameter(status, body.toStdString());
        QCOMPARE(found ? q(*found) : QString(), parameter);
    }

    void learningIsLimitedToWhatMayBeDropped()
    {
        BackendProfile p;
        QVERIFY(learnRejection(p, "max_tokens"));
        QVERIFY(p.maxCompletionTokens);
        QVERIFY(!learnRejection(p, "max_tokens")); // already avoided: the 400 is reported as it is
        QVERIFY(learnRejection(p, "temperature"));
        QVERIFY(!learnRejection(p, "temperature"));
        for (const char* kept : { "messages", "n", "stop", "reasoning_effort", "max_completion_tokens", "model" })
            QVERIFY2(!learnRejection(p, kept), kept);
        QCOMPARE(p.omitParams, std::vector<std::string> { "temperature" });
    }

    void reasoningModelIsLearnedOnceAndKept()
    {
        FakeServerConfig config = reasoningServer();
        FakeServer server(config);
        START_SERVER(server);
        std::vector<std::string> log;
        std::mutex logMutex;
        ClientOptions options;
        options.cache = std::make_shared<MemoryResponseCache>();
        options.log = [&](const std::string& line) {
            std::lock_guard lock(logMutex);
            log.push_back(line);
        };
        Client client(profileFor(server.baseUrl(), "o-fake"), options);
        for (int i = 0; i < 4; ++i) {
            const auto r = client.chatSync(sampled(i));
            QVERIFY2(r.ok(), qPrintable(failureText(r)));
        }
        // One 400 for max_tokens, one for temperature, on the first call only.
        QCOMPARE(server.rejectedForReasoning(), 2);
        const BackendProfile learned = client.adaptedProfile();
        QVERIFY(learned.maxCompletionTokens);
        QCOMPARE(learned.omitParams, std::vector<std::string> { "temperature" });
        QVERIFY(!client.profile().maxCompletionTokens); // the configured profile is left as given
        const nlohmann::json last = server.chatBodies().back();
        QCOMPARE(last.value("max_completion_tokens", 0), 512);
        QVERIFY(!last.contains("temperature"));
        QVERIFY(std::any_of(log.begin(), log.end(),
            [](const std::string& l) { return l.find("refuses 'temperature'") != std::string::npos; }));
        // The cache holds the answers under the adapted body: a client that starts from the learned profile
        // hits it without asking the server anything.
        const int before = server.totalRequests();
        Client rerun(learned, options);
        const auto again = rerun.chatSync(sampled(2));
        QVERIFY2(again.ok() && again->fromCache, qPrintable(failureText(again)));
        QCOMPARE(server.totalRequests(), before);
    }

    void concurrentCallsLearnTogether()
    {
        FakeServerConfig config = reasoningServer();
        config.latency = std::chrono::milliseconds(20);
        FakeServer server(config);
        START_SERVER(server);
        BackendProfile p = profileFor(server.baseUrl(), "o-fake");
        p.concurrency = 8;
        Client client(p);
        std::vector<std::future<wb::Result<ChatResponse>>> answers;
        for (int i = 0; i < 24; ++i)
            answers.push_back(
                std::async(std::launch::async, [&client, i] { return client.chatSync(sampled(i, i % 2)); }));
        for (auto& a : answers) {
            const auto r = a.get();
            QVERIFY2(r.ok(), qPrintable(failureText(r)));
        }
        QVERIFY(server.rejectedForReasoning() <= 2 * 8); // at most the first wave, never every call
    }

    void configuredReasoningModelSendsNoRefusedParameter()
    {
        FakeServerConfig config = reasoningServer();
        FakeServer server(config);
        START_SERVER(server);
        BackendProfile p = profileFor(server.baseUrl(), "o-fake");
        p.reasoningModel = true;
        p.reasoningEffort = "low";
        Client client(p);
        const auto r = client.chatSync(sampled(1));
        QVERIFY2(r.ok(), qPrintable(failureText(r)));
        QCOMPARE(server.rejectedForReasoning(), 0);
        QCOMPARE(q(server.chatBodies().front().value("reasoning_effort", std::string())), QStringLiteral("low"));
    }

    // --- Azure ------------------------------------------------------------------------------------------------

    void azureUrls()
    {
        BackendProfile p = profileFor("https://res.openai.azure.com/openai/deployments/gpt4o/");
        QVERIFY(p.isAzureDeployment());
        QCOMPARE(q(p.azureDeployment()), QStringLiteral("gpt4o"));
        QVERIFY(!p.check().ok());
        QCOMPARE(q(p.check().error().location), QStringLiteral("backend.api_version"));
        p.apiVersion = "2024-10-21";
        QVERIFY(p.check().ok());
        QCOMPARE(q(p.endpoint("chat/completions")),
            QStringLiteral(
                "https://res.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21"));
        QCOMPARE(q(p.endpoint("models")),
            QStringLiteral("https://res.openai.azure.com/openai/models?api-version=2024-10-21"));
        QVERIFY(p.sendsApiKeyHeader());
        BackendProfile v1 = profileFor("https://res.openai.azure.com/openai/v1");
        QVERIFY(!v1.isAzureDeployment());
        QVERIFY(!v1.sendsApiKeyHeader());
        QCOMPARE(q(v1.endpoint("chat/completions")),
            QStringLiteral("https://res.openai.azure.com/openai/v1/chat/completions"));
        p.apiVersion = "2024-10-21&x=1";
        QVERIFY(!p.check().ok());
        const auto back = BackendProfile::fromJson(p.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->toJson(), p.toJson());
    }

    void azureDeploymentEndToEnd()
    {
        FakeServerConfig config;
        config.azureApiVersion = "2024-10-21";
        config.requiredKey = "azure-key-0123456789";
        FakeServer server(config);
        START_SERVER(server);
        BackendProfile p = profileFor(server.azureDeploymentUrl("fake-model"));
        p.apiVersion = "2024-10-21";
        Client client(p, withKey("azure-key-0123456789"));
        const auto r = client.chatSync(sampled(1, false));
        QVERIFY2(r.ok(), qPrintable(failureText(r)));
        ChatRequest streamed = sampled(2, true);
        QVERIFY2(client.chatSync(streamed).ok(), "streamed through a deployment");
        const auto models = client.listModels();
        QVERIFY2(models.ok(), models.ok() ? "" : models.error().toString().c_str());

        BackendProfile wrong = p;
        wrong.baseUrl = server.azureDeploymentUrl("gtp-4o");
        Client misnamed(wrong, withKey("azure-key-0123456789"));
        const auto missing = misnamed.chatSync(sampled(1));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, wb::ErrorCode::NotFound);
        QVERIFY2(failureText(missing).contains(QStringLiteral("Azure deployment \"gtp-4o\" does not exist")),
            qPrintable(failureText(missing)));
        QVERIFY(!failureText(missing).contains(QStringLiteral("/v1")));

        BackendProfile version = p;
        version.apiVersion = "1999-01-01";
        Client outdated(version, withKey("azure-key-0123456789"));
        QVERIFY2(failureText(outdated.chatSync(sampled(1))).contains(QStringLiteral("api-version 1999-01-01")),
            "a wrong api-version is named");

        BackendProfile noVersion = p;
        noVersion.apiVersion.clear();
        const int before = server.totalRequests();
        Client unversioned(noVersion, withKey("azure-key-0123456789"));
        const auto refused = unversioned.chatSync(sampled(1));
        QCOMPARE(refused.error().code, wb::ErrorCode::Usage);
        QVERIFY(failureText(refused).contains(QStringLiteral("api-version")));
        QCOMPARE(server.totalRequests(), before); // nothing was sent

        Client v1(profileFor(server.azureV1Url()), withKey("azure-key-0123456789"));
        QVERIFY2(v1.chatSync(sampled(3)).ok(), "the v1 form takes the key as a Bearer token");
        QCOMPARE(server.presentedKeys().size(), std::size_t(1));
    }

    // --- errors in 200 answers and streams --------------------------------------------------------------------

    void errorsInBodies_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<int>("kind"); // -1 = no error
        QTest::addColumn<QString>("mentions");
        QTest::newRow("LM Studio wrong path")
            << R"json({"error":"Unexpected endpoint or method. (POST /chat/completions)"})json" << false
            << int(FailureKind::Fatal) << "Unexpected endpoint";
        QTest::newRow("OpenRouter 502") << R"({"error":{"code":502,"message":"Provider returned error"}})" << false
                                        << int(FailureKind::Retry) << "Provider returned error";
        QTest::newRow("overloaded") << R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"
                                    << false << int(FailureKind::Retry) << "Overloaded";
        QTest::newRow("moderation") << R"({"error":{"code":403,"message":"Your input was flagged"}})" << false
                                    << int(FailureKind::Fatal) << "flagged";
        QTest::newRow("null error") << R"({"error":null,"choices":[]})" << false << -1 << "";
        QTest::newRow("answer") << R"({"choices":[{"message":{"content":"error"}}]})" << false << -1 << "";
        QTest::newRow("stream event") << "data: {\"choices\":[{\"delta\":{\"content\":\"The\"}}]}\n\n"
                                         "data: {\"error\":{\"code\":\"server_error\",\"message\":\"Provider "
                                         "disconnected\"},\"choices\":[{\"finish_reason\":\"error\"}]}\n\n"
                                         "data: [DONE]\n\n"
                                      << true << int(FailureKind::Retry) << "Provider disconnected";
        QTest::newRow("event: error") << "event: error\ndata: {\"message\":\"context length exceeded\"}\n\n"
                                      << true << int(FailureKind::Fatal) << "context length exceeded";
        QTest::newRow("clean stream") << "data: {\"choices\":[{\"delta\":{\"content\":\"no error here\"}}]}\n\n"
                                         "data: [DONE]\n\n"
                                      << true << -1 << "";
    }
    void errorsInBodies()
    {
        QFETCH(QString, body);
        QFETCH(bool, stream);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        const BackendProfile p = profileFor("http://h/v1");
        const std::string url = "http://h/v1/chat/completions";
        const std::optional<Failure> f = stream ? describeStreamError(body.toStdString(), url, p, "")
                                                : describeBodyError(body.toStdString(), url, p, "");
        QCOMPARE(f ? int(f->kind) : -1, kind);
        if (f)
            QVERIFY2(q(f->error.message).contains(mentions), qPrintable(q(f->error.message)));
    }

    void errorIn200IsReportedAtOnce()
    {
        FakeServer server;
        START_SERVER(server);
        server.setFaultAt(1, Fault::ErrorIn200);
        server.setFaultAt(2, Fault::ErrorIn200);
        Client client(profileFor(server.baseUrl()));
        for (bool stream : { false, true }) {
            const auto r = client.chatSync(sampled(stream, stream));
            QVERIFY(!r.ok());
            QVERIFY2(
                failureText(r).contains(QStringLiteral("Unexpected endpoint or method")), qPrintable(failureText(r)));
            QVERIFY(!failureText(r).contains(QStringLiteral("choices")));
        }
        QCOMPARE(server.totalRequests(), 2); // never retried
    }

    void overloadAndStreamErrorsAreRetried()
    {
        FakeServer server;
        START_SERVER(server);
        server.setFaultAt(1, Fault::OverloadedIn200);
        server.setFaultAt(3, Fault::StreamError);
        Client client(profileFor(server.baseUrl()));
        const auto plain = client.chatSync(sampled(1));
        QVERIFY2(plain.ok(), qPrintable(failureText(plain)));
        QCOMPARE(plain->attempts, 2);
        const auto streamed = client.chatSync(sampled(2, true));
        QVERIFY2(streamed.ok(), qPrintable(failureText(streamed)));
        QCOMPARE(streamed->attempts, 2);
        QVERIFY(streamed->text.rfind("The answer is", 0) == 0); // the retried, complete answer
    }

    // --- rate limits and bounded waits ------------------------------------------------------------------------

    void groq413_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("hint");
        QTest::addColumn<int>("kind");
        const QString busy = QStringLiteral(
            R"({"error":{"message":"Rate limit reached for model `m` on tokens per minute (TPM): Limit 6000, Used 5800, Requested 900.","type":"tokens","code":"rate_limit_exceeded"}})");
        const QString tooBig = QStringLiteral(
            R"({"error":{"message":"Request too large for model `m` on tokens per minute (TPM): Limit 6000, Requested 14810, please reduce your message size and try again.","type":"tokens","code":"rate_limit_exceeded"}})");
        QTest::newRow("busy with retry-after") << busy << true << int(FailureKind::RateLimited);
        QTest::newRow("busy without hints") << busy << false << int(FailureKind::Fatal);
        QTest::newRow("larger than the allowance") << tooBig << true << int(FailureKind::Fatal);
        QTest::newRow("plain 413") << QStringLiteral(R"({"error":{"message":"payload too large"}})") << true
                                   << int(FailureKind::Fatal);
    }
    void groq413()
    {
        QFETCH(QString, body);
        QFETCH(bool, hint);
        QFETCH(int, kind);
        const Failure f = describeHttpFailure(
            413, body.toStdString(), "http://h/v1/chat/completions", profileFor("http://h/v1"), "", hint);
        QCOMPARE(int(f.kind), kind);
    }

    void throttling413IsRetried()
    {
        FakeServer server;
        START_SERVER(server);
        server.setFaultAt(1, Fault::TokensRateLimited);
        Client client(profileFor(server.baseUrl()));
        QElapsedTimer clock;
        clock.start();
        const auto r = client.chatSync(sampled(1));
        QVERIFY2(r.ok(), qPrintable(failureText(r)));
        QCOMPARE(client.stats().rateLimited, std::uint64_t(1));
        QVERIFY(clock.elapsed() >= 900); // retry-after: 1
    }

    void resetDurations_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<double>("seconds"); // < 0 = junk
        QTest::newRow("seconds") << "1s" << 1.0;
        QTest::newRow("minutes") << "6m0s" << 360.0;
        QTest::newRow("fraction") << "2m59.56s" << 179.56;
        QTest::newRow("millis") << "20ms" << 0.02;
        QTest::newRow("hours") << "1h2m" << 3720.0;
        QTest::newRow("bare") << "7.66" << 7.66;
        QTest::newRow("junk") << "soon" << -1.0;
        QTest::newRow("unit only") << "s" << -1.0;
    }
    void resetDurations()
    {
        QFETCH(QString, value);
        QFETCH(double, seconds);
        const std::optional<double> got = parseResetDuration(value.toStdString());
        QCOMPARE(got.value_or(-1.0), seconds);
    }

    void rateLimitHeadersInformConcurrency()
    {
        RateLimitHeaders h;
        QVERIFY(h.take("x-ratelimit-remaining-requests", " 0 "));
        QVERIFY(h.take("x-ratelimit-reset-requests", "2s"));
        QVERIFY(!h.take("x-request-id", "abc"));
        QCOMPARE(h.exhaustedForS().value_or(-1), 2.0);
        ConcurrencyController controller(16);
        controller.onRemainingRequests(3);
        QCOMPARE(controller.limit(), 3);
        controller.onRemainingRequests(0);
        QCOMPARE(controller.limit(), 1);

        FakeServerConfig config;
        config.remainingRequests = 2;
        config.latency = std::chrono::milliseconds(30);
        FakeServer server(config);
        START_SERVER(server);
        BackendProfile p = profileFor(server.baseUrl());
        p.concurrency = 16;
        Client client(p);
        std::vector<std::future<wb::Result<ChatResponse>>> answers;
        for (int i = 0; i < 40; ++i)
            answers.push_back(std::async(std::launch::async, [&client, i] { return client.chatSync(sampled(i)); }));
        for (auto& a : answers)
            QVERIFY(a.get().ok());
        QVERIFY2(client.stats().concurrencyFloor <= 2, qPrintable(QString::number(client.stats().concurrencyFloor)));
    }

    void endless429EndsAtTheMaxWait()
    {
        FakeServerConfig config;
        config.retryAfter = "600";
        FakeServer server(config);
        START_SERVER(server);
        server.setFaultProbability(Fault::RateLimited, 1.0);
        BackendProfile p = profileFor(server.baseUrl());
        p.maxWaitS = 2;
        Client client(p);
        QElapsedTimer clock;
        clock.start();
        const auto first = client.chatSync(sampled(1));
        QVERIFY(!first.ok());
        QVERIFY2(failureText(first).contains(QStringLiteral("max wait of 2 s")), qPrintable(failureText(first)));
        QVERIFY2(failureText(first).contains(QStringLiteral("rate limited")), qPrintable(failureText(first)));
        const auto second = client.chatSync(sampled(2)); // held by the gate at most the max wait, then the same
        QVERIFY(!second.ok());
        QVERIFY2(clock.elapsed() < 8000, qPrintable(QString::number(clock.elapsed())));
    }

    void retriesEndAtTheMaxWait()
    {
        FakeServer server;
        START_SERVER(server);
        server.setFaultProbability(Fault::ServerError, 1.0);
        BackendProfile p = profileFor(server.baseUrl());
        p.maxRetries = 100;
        p.retryBaseDelayS = 0.2;
        p.retryMaxDelayS = 0.4;
        p.maxWaitS = 1.5;
        Client client(p);
        QElapsedTimer clock;
        clock.start();
        const auto r = client.chatSync(sampled(1));
        QVERIFY(!r.ok());
        QVERIFY2(failureText(r).contains(QStringLiteral("max wait")), qPrintable(failureText(r)));
        QVERIFY(clock.elapsed() < 4000);
        QVERIFY(server.totalRequests() < 20);
    }

    // --- keys are values ----------------------------------------------------------------------------------------

    void twoClientsNeverShareAKey()
    {
        FakeServerConfig a;
        a.requiredKey = "sk-profile-a-000000000";
        a.latency = std::chrono::milliseconds(5);
        FakeServerConfig b = a;
        b.requiredKey = "sk-profile-b-111111111";
        FakeServer serverA(a), serverB(b);
        START_SERVER(serverA);
        START_SERVER(serverB);
        qputenv("WB_TEST_BACKENDS_UNSET", "sk-from-the-environment");
        std::vector<std::future<bool>> work;
        for (int i = 0; i < 8; ++i) {
            work.push_back(std::async(std::launch::async, [&, i] {
                const bool toA = i % 2 == 0;
                Client client(
                    profileFor((toA ? serverA : serverB).baseUrl()), withKey(toA ? a.requiredKey : b.requiredKey));
                return client.chatSync(sampled(i)).ok() && client.listModels().ok();
            }));
        }
        for (auto& w : work)
            QVERIFY(w.get());
        QCOMPARE(serverA.presentedKeys().size(), std::size_t(1));
        QCOMPARE(serverA.presentedKeys().begin()->first, a.requiredKey);
        QCOMPARE(serverB.presentedKeys().size(), std::size_t(1));
        QCOMPARE(serverB.presentedKeys().begin()->first, b.requiredKey);
        Client keyless(profileFor(serverA.baseUrl()));
        QVERIFY2(
            !keyless.chatSync(sampled(9)).ok(), "without a provider no key is sent, whatever the environment says");
        qunsetenv("WB_TEST_BACKENDS_UNSET");
    }
};

QTEST_GUILESS_MAIN(TestLlmBackends)
#include "tst_llmbackends.moc"
