// SPDX-License-Identifier: Apache-2.0
// The client against the fake OpenAI-compatible server: faults, 429 handling, errors, timeouts, streaming,
// cache and key hygiene.
#include "core/llm/canonical.h"
#include "core/llm/client.h"
#include "support/fakeserver.h"

#include <QtTest>

#include <atomic>
#include <mutex>

using namespace wb::llm;
using wb::test::FakeServer;
using wb::test::FakeServerConfig;
using wb::test::Fault;

namespace {

constexpr const char* kKeyVar = "WB_TEST_LLM_KEY";
constexpr const char* kSentinel = "sk-SENTINEL-7f3a9c21e4b8d605";

QString q(const std::string& s) { return QString::fromStdString(s); }

BackendProfile profileFor(const FakeServer& server, const std::string& model = "fake-model")
{
    BackendProfile p;
    p.name = "fake";
    p.baseUrl = server.baseUrl();
    p.model = model;
    p.apiKeyEnv = kKeyVar;
    p.concurrency = 16;
    p.connectTimeoutS = 2;
    p.requestTimeoutS = 5;
    p.maxRetries = 6;
    p.retryBaseDelayS = 0.01;
    p.retryMaxDelayS = 0.2;
    return p;
}

ChatRequest question(int i)
{
    ChatRequest r;
    r.messages = { { "system", "Solve it." }, { "user", "Problem number " + std::to_string(i) + "?" } };
    r.temperature = 0.0;
    r.seed = 1;
    return r;
}

/// Collects results from the event-loop thread.
struct Collector {
    std::mutex mutex;
    std::vector<wb::Result<ChatResponse>> results;
    Client::ChatCallback callback()
    {
        return [this](wb::Result<ChatResponse> r) {
            std::lock_guard lock(mutex);
            results.push_back(std::move(r));
        };
    }
    int succeeded()
    {
        std::lock_guard lock(mutex);
        return int(std::count_if(results.begin(), results.end(), [](const auto& r) { return r.ok(); }));
    }
};

/// A cache that remembers everything written, so a test can search it.
class RecordingCache final : public ResponseCache {
public:
    std::optional<std::string> get(const std::string& key) override { return m_inner.get(key); }
    void put(const std::string& key, const std::string& body) override
    {
        std::lock_guard lock(m_mutex);
        m_written += key + "\n" + body + "\n";
        m_inner.put(key, body);
    }
    std::string written()
    {
        std::lock_guard lock(m_mutex);
        return m_written;
    }

private:
    MemoryResponseCache m_inner;
    std::mutex m_mutex;
    std::string m_written;
};

void submitQuestions(Client& client, Collector& collector, int count)
{
    for (int i = 0; i < count; ++i)
        client.submit(question(i), collector.callback());
}

#define START_SERVER(server) QVERIFY2((server).start(), "the fake server could not listen on 127.0.0.1")

} // namespace

class TestLlmClient final : public QObject {
    Q_OBJECT
private slots:
    void init() { qunsetenv(kKeyVar); }

    void answersAndCountsOnce()
    {
        FakeServer server;
        START_SERVER(server);
        Client client(profileFor(server));
        const ChatRequest r = question(1);
        const auto response = client.chatSync(r);
        QVERIFY2(response.ok(), response.ok() ? "" : response.error().toString().c_str());
        const nlohmann::json sent = nlohmann::json::parse(canonicalRequestJson(client.profile(), r));
        QCOMPARE(q(response->text), q(FakeServer::defaultAnswer(sent)));
        QCOMPARE(q(response->finishReason), QStringLiteral("stop"));
        QCOMPARE(q(response->model), QStringLiteral("fake-model"));
        QCOMPARE(response->attempts, 1);
        QVERIFY(response->usage.promptTokens > 0);
        QVERIFY(response->usage.completionTokens > 0);
        QVERIFY(!response->rawBody.empty());
        QCOMPARE(server.successCount(canonicalRequestJson(client.profile(), r)), 1);
    }

    void everyFaultClassRecovers_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("500") << int(Fault::ServerError);
        QTest::newRow("429") << int(Fault::RateLimited);
        QTest::newRow("dropped connection") << int(Fault::DropConnection);
        QTest::newRow("malformed json") << int(Fault::MalformedJson);
        QTest::newRow("stall") << int(Fault::Stall);
        QTest::newRow("all mixed") << -1;
    }
    void everyFaultClassRecovers()
    {
        QFETCH(int, fault);
        FakeServerConfig config;
        config.retryAfter = "0";
        config.stallFor = std::chrono::milliseconds(4000);
        FakeServer server(config);
        START_SERVER(server);
        const Fault all[]
            = { Fault::ServerError, Fault::RateLimited, Fault::DropConnection, Fault::MalformedJson, Fault::Stall };
        if (fault >= 0)
            server.setFaultProbability(Fault(fault), 0.10);
        else
            for (Fault f : all)
                server.setFaultProbability(f, 0.04);
        BackendProfile p = profileFor(server);
        // A stalled answer must time out and be retried; the margin keeps a slow but healthy answer on a loaded
        // machine from timing out too (it would then be answered twice and fail the duplicate check).
        p.requestTimeoutS = 1.5;
        Client client(p);
        Collector done;
        constexpr int kCalls = 200;
        submitQuestions(client, done, kCalls);
        client.waitIdle();
        QCOMPARE(int(done.results.size()), kCalls);
        for (const auto& r : done.results)
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(server.totalSuccesses(), kCalls);
        QCOMPARE(server.maxSuccessesPerBody(), 1);
        const ClientStats stats = client.stats();
        QVERIFY(stats.retries > 0);
        QCOMPARE(stats.succeeded, std::uint64_t(kCalls));
        QCOMPARE(stats.httpRequests, std::uint64_t(server.totalRequests()));
        QVERIFY(stats.peakInFlight <= p.concurrency); // the server's own count includes abandoned stalls
    }

    void rateLimitLowersConcurrencyAndWaitsRetryAfter()
    {
        FakeServerConfig config;
        config.retryAfter = "1";
        config.latency = std::chrono::milliseconds(30);
        FakeServer server(config);
        START_SERVER(server);
        for (int call = 1; call <= 3; ++call)
            server.setFaultAt(call, Fault::RateLimited);
        BackendProfile p = profileFor(server);
        p.concurrency = 8;
        std::vector<std::string> lines;
        std::mutex linesMutex;
        ClientOptions options;
        options.log = [&](const std::string& line) {
            std::lock_guard lock(linesMutex);
            lines.push_back(line);
        };
        Client client(p, options);
        Collector done;
        std::vector<ChatRequest> requests;
        for (int i = 0; i < 40; ++i) {
            requests.push_back(question(i));
            client.submit(requests.back(), done.callback());
        }
        client.waitIdle();
        QCOMPARE(done.succeeded(), 40);
        const ClientStats stats = client.stats();
        QCOMPARE(stats.rateLimited, std::uint64_t(3));
        QVERIFY2(stats.concurrencyFloor < 8, qPrintable(QString::number(stats.concurrencyFloor)));
        QCOMPARE(stats.concurrencyLimit, 8); // 37 successes after one cut raise it back (4+5+6+7 needed)
        QVERIFY(!lines.empty());
        // Every request that got a 429 came back no sooner than Retry-After said.
        int retried = 0;
        for (const ChatRequest& r : requests) {
            const auto times = server.arrivals(canonicalRequestJson(p, r));
            if (times.size() < 2)
                continue;
            ++retried;
            QVERIFY(std::chrono::duration<double>(times[1] - times[0]).count() >= 0.95);
        }
        QCOMPARE(retried, 3);
    }

    void rejectedKeySaysWhichVariable()
    {
        FakeServerConfig config;
        config.requiredKey = "sk-the-right-one-0000";
        FakeServer server(config);
        START_SERVER(server);
        qputenv(kKeyVar, kSentinel);
        ClientOptions fromEnvironment;
        fromEnvironment.apiKey = environmentKey(kKeyVar);
        Client client(profileFor(server), fromEnvironment);
        const auto r = client.chatSync(question(1));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, wb::ErrorCode::Auth);
        const QString text = q(r.error().toString());
        QVERIFY2(
            text.contains(QStringLiteral("WB_TEST_LLM_KEY was rejected by ") + q(server.baseUrl())), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("SENTINEL")));
        QCOMPARE(server.totalRequests(), 0); // refused before it counted, and never retried
        qunsetenv(kKeyVar);
        Client keyless(profileFor(server), fromEnvironment);
        const auto missing = keyless.chatSync(question(1));
        QVERIFY(q(missing.error().message).contains(QStringLiteral("WB_TEST_LLM_KEY is not set")));
    }

    void wrongModelAndWrongPath()
    {
        FakeServer server;
        START_SERVER(server);
        Client client(profileFor(server, "gpt-nonexistent"));
        const auto r = client.chatSync(question(1));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, wb::ErrorCode::NotFound);
        QVERIFY2(q(r.error().message).contains(QStringLiteral("model \"gpt-nonexistent\" is not known")),
            qPrintable(q(r.error().message)));
        QCOMPARE(q(r.error().location), q(server.baseUrl() + "/chat/completions"));

        BackendProfile noV1 = profileFor(server);
        noV1.baseUrl = "http://127.0.0.1:" + std::to_string(server.port());
        Client wrongPath(noV1);
        const auto path = wrongPath.chatSync(question(1));
        QVERIFY(q(path.error().message).contains(QStringLiteral("check the base URL")));
    }

    void connectionRefusedNamesUrl()
    {
        int port = 0;
        {
            FakeServer gone;
            START_SERVER(gone);
            port = gone.port();
        }
        FakeServer dummy;
        BackendProfile p = profileFor(dummy);
        p.baseUrl = "http://127.0.0.1:" + std::to_string(port) + "/v1";
        p.maxRetries = 1;
        Client client(p);
        const auto r = client.chatSync(question(1));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, wb::ErrorCode::Network);
        QVERIFY2(q(r.error().message).contains(QStringLiteral("connection refused")), qPrintable(q(r.error().message)));
        QVERIFY(q(r.error().message).contains(QStringLiteral("after 2 attempts")));
        QCOMPARE(q(r.error().location), q(p.baseUrl + "/chat/completions"));
    }

    void timeoutSaysSo()
    {
        FakeServerConfig config;
        config.stallFor = std::chrono::milliseconds(3000);
        FakeServer server(config);
        START_SERVER(server);
        server.setFaultAt(1, Fault::Stall);
        BackendProfile p = profileFor(server);
        p.requestTimeoutS = 0.3;
        p.maxRetries = 0;
        Client client(p);
        const auto r = client.chatSync(question(1));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, wb::ErrorCode::Network);
        QVERIFY2(q(r.error().message).contains(QStringLiteral("timed out")), qPrintable(q(r.error().message)));
        QVERIFY(q(r.error().message).contains(QStringLiteral("request timeout 0.3 s")));
    }

    void streamingAssemblesSameText()
    {
        FakeServerConfig config;
        config.answer = [](const nlohmann::json&) { return std::string("Let me think. 3 + 4 = 7. The answer is 7."); };
        FakeServer server(config);
        START_SERVER(server);
        Client client(profileFor(server));
        ChatRequest plain = question(1);
        plain.n = 2;
        ChatRequest streamed = plain;
        streamed.stream = true;
        QVERIFY(canonicalRequestJson(client.profile(), streamed).find("\"stream\":true") != std::string::npos);
        const auto a = client.chatSync(plain);
        const auto b = client.chatSync(streamed);
        QVERIFY(a.ok());
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().toString().c_str());
        QCOMPARE(q(b->text), q(a->text));
        QCOMPARE(q(b->finishReason), q(a->finishReason));
        QCOMPARE(b->choices.size(), std::size_t(2));
        QCOMPARE(q(b->choices[1].text), q(a->choices[1].text));
        QCOMPARE(b->usage.completionTokens, a->usage.completionTokens);
        QCOMPARE(server.successCount(canonicalRequestJson(client.profile(), plain)), 2);
    }

    void cacheHitSendsNothing()
    {
        FakeServer server;
        START_SERVER(server);
        auto cache = std::make_shared<MemoryResponseCache>();
        ClientOptions options;
        options.cache = cache;
        Client client(profileFor(server), options);
        Collector first;
        submitQuestions(client, first, 20);
        client.waitIdle();
        QCOMPARE(server.totalRequests(), 20);
        Collector second;
        submitQuestions(client, second, 20);
        client.waitIdle();
        QCOMPARE(server.totalRequests(), 20);
        QCOMPARE(second.succeeded(), 20);
        for (auto& r : second.results)
            QVERIFY(r->fromCache && r->attempts == 0);
        QCOMPARE(client.stats().cacheHits, std::uint64_t(20));
        QCOMPARE(client.stats().cacheMisses, std::uint64_t(20));

        // Another model shares the cache object but never its entries; noCache bypasses it.
        Client other(profileFor(server, "fake-embedder"), options);
        QVERIFY(other.chatSync(question(0)).ok());
        QCOMPARE(server.totalRequests(), 21);
        ChatRequest fresh = question(0);
        fresh.noCache = true;
        QVERIFY(client.chatSync(fresh).ok());
        QCOMPARE(server.totalRequests(), 22);
    }

    void concurrencyLimitHolds()
    {
        FakeServerConfig config;
        config.latency = std::chrono::milliseconds(20);
        FakeServer server(config);
        START_SERVER(server);
        BackendProfile p = profileFor(server);
        p.concurrency = 5;
        Client client(p);
        Collector done;
        submitQuestions(client, done, 60);
        client.waitIdle();
        QCOMPARE(done.succeeded(), 60);
        QVERIFY(server.maxConcurrent() <= 5);
        QVERIFY(client.stats().peakInFlight <= 5);
        QVERIFY(client.stats().peakInFlight >= 2);
    }

    void cancelAllAnswersEveryCallback()
    {
        FakeServerConfig config;
        config.latency = std::chrono::milliseconds(300);
        FakeServer server(config);
        START_SERVER(server);
        BackendProfile p = profileFor(server);
        p.concurrency = 4;
        Client client(p);
        Collector done;
        submitQuestions(client, done, 50);
        client.cancelAll();
        client.waitIdle();
        QCOMPARE(int(done.results.size()), 50);
        QVERIFY(client.stats().cancelled >= 40);
        QVERIFY(client.chatSync(question(99)).ok()); // still usable
    }

    void syncCallFromCallbackIsRefused()
    {
        FakeServer server;
        START_SERVER(server);
        Client client(profileFor(server));
        std::atomic_int code { -1 };
        client.submit(question(1), [&](wb::Result<ChatResponse>) {
            const auto inner = client.chatSync(question(2));
            code = inner.ok() ? 0 : int(inner.error().code);
        });
        client.waitIdle();
        QCOMPARE(code.load(), int(wb::ErrorCode::Usage));
    }

    void embeddingsBatch()
    {
        FakeServer server;
        START_SERVER(server);
        Client client(profileFor(server, "fake-embedder"));
        EmbeddingsRequest r;
        r.inputs = { "alpha", "beta", "gamma" };
        const auto e = client.embeddingsSync(r);
        QVERIFY(e.ok());
        QCOMPARE(e->vectors.size(), std::size_t(3));
        QCOMPARE(e->vectors[1], FakeServer::embeddingFor("beta", 16));
    }

    void listsModels()
    {
        FakeServer server;
        START_SERVER(server);
        Client client(profileFor(server));
        const auto models = client.listModels();
        QVERIFY2(models.ok(), models.ok() ? "" : models.error().toString().c_str());
        QCOMPARE(*models, (std::vector<std::string> { "fake-embedder", "fake-model" }));
    }

    void keyNeverLeaks()
    {
        qputenv(kKeyVar, kSentinel);
        std::string everything;
        auto cache = std::make_shared<RecordingCache>();
        std::mutex logMutex;
        ClientOptions options;
        options.apiKey = environmentKey(kKeyVar);
        options.cache = cache;
        options.log = [&](const std::string& line) {
            std::lock_guard lock(logMutex);
            everything += line + "\n";
        };
        {
            FakeServerConfig config;
            config.requiredKey = kSentinel;
            config.retryAfter = "0";
            FakeServer good(config);
            START_SERVER(good);
            good.setFaultAt(1, Fault::ServerError);
            good.setFaultAt(2, Fault::RateLimited);
            Client client(profileFor(good), options);
            ChatRequest streamed = question(2);
            streamed.stream = true;
            for (const ChatRequest& r : { question(1), streamed }) {
                const auto response = client.chatSync(r);
                QVERIFY2(response.ok(), response.ok() ? "" : response.error().toString().c_str());
                everything
                    += response->rawBody + canonicalRequestJson(client.profile(), r) + cacheKey(client.profile(), r);
            }
            everything += client.profile().toJson().dump();
        }
        {
            FakeServerConfig config;
            config.requiredKey = "sk-another-key-entirely";
            FakeServer bad(config);
            START_SERVER(bad);
            Client client(profileFor(bad), options);
            const auto rejected = client.chatSync(question(3));
            QVERIFY(!rejected.ok());
            everything += rejected.error().toString();
        }
        everything += cache->written();
        QVERIFY(everything.find("rejected by") != std::string::npos); // the search covers the 401 message
        QVERIFY(everything.find("retry") != std::string::npos); // ... and the log
        const std::string sentinel = kSentinel;
        QVERIFY(everything.find(sentinel) == std::string::npos);
        QVERIFY(everything.find(sentinel.substr(0, 8)) == std::string::npos);
        QVERIFY(everything.find(sentinel.substr(sentinel.size() - 8)) == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestLlmClient)
#include "tst_llmclient.moc"
