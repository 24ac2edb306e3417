// SPDX-License-Identifier: Apache-2.0
// Pure pieces of the LLM client: canonical bodies and cache keys, Retry-After, back-off, SSE assembly,
// AIMD, response parsing and error messages. No network.
#include "core/llm/backendprofile.h"
#include "core/llm/canonical.h"
#include "core/llm/concurrencycontroller.h"
#include "core/llm/httperror.h"
#include "core/llm/responseparser.h"
#include "core/llm/retrypolicy.h"
#include "core/llm/sseassembler.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cstdlib>

using namespace wb::llm;

namespace {

BackendProfile profile(const std::string& model = "m1", const std::string& base = "http://h:1/v1")
{
    BackendProfile p;
    p.name = "test";
    p.baseUrl = base;
    p.model = model;
    return p;
}

ChatRequest request()
{
    ChatRequest r;
    r.messages = { { "system", "Be brief." }, { "user", "What is 2+2?" } };
    r.temperature = 0.0;
    r.maxTokens = 64;
    r.seed = 7;
    return r;
}

QString q(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class TestLlmProtocol final : public QObject {
    Q_OBJECT
private slots:
    void canonicalBodyIsSortedAndExact()
    {
        ChatRequest r = request();
        r.stop = { "\n\n" };
        r.extraParams = { { "presence_penalty", 0.5 } };
        QCOMPARE(q(canonicalRequestJson(profile(), r)),
            QStringLiteral("{\"max_tokens\":64,\"messages\":[{\"content\":\"Be brief.\",\"role\":\"system\"},"
                           "{\"content\":\"What is 2+2?\",\"role\":\"user\"}],\"model\":\"m1\","
                           "\"presence_penalty\":0.5,\"seed\":7,\"stop\":[\"\\n\\n\"],\"temperature\":0.0}"));
        r.stream = true;
        QVERIFY(canonicalRequestJson(profile(), r).find("\"stream\":true") != std::string::npos);
    }

    void cacheKeyCoversEveryField_data()
    {
        QTest::addColumn<int>("change");
        QTest::newRow("model") << 0;
        QTest::newRow("base url") << 1;
        QTest::newRow("temperature") << 2;
        QTest::newRow("seed") << 3;
        QTest::newRow("sample index") << 4;
        QTest::newRow("message") << 5;
        QTest::newRow("top_p") << 6;
        QTest::newRow("n") << 7;
        QTest::newRow("extra param") << 8;
    }
    void cacheKeyCoversEveryField()
    {
        QFETCH(int, change);
        const std::string before = cacheKey(profile(), request());
        BackendProfile p = profile();
        ChatRequest r = request();
        switch (change) {
        case 0:
            p.model = "m2";
            break;
        case 1:
            p.baseUrl = "http://other:1/v1";
            break;
        case 2:
            r.temperature = 0.7;
            break;
        case 3:
            r.seed = 8;
            break;
        case 4:
            r.sampleIndex = 1;
            break;
        case 5:
            r.messages.back().content += " ";
            break;
        case 6:
            r.topP = 0.9;
            break;
        case 7:
            r.n = 2;
            break;
        case 8:
            r.extraParams["logprobs"] = true;
            break;
        }
        QVERIFY(cacheKey(p, r) != before);
    }

    void cacheKeyIgnoresTransportAndKey()
    {
        const std::string before = cacheKey(profile(), request());
        ChatRequest r = request();
        r.stream = true;
        r.noCache = true;
        QCOMPARE(q(cacheKey(profile(), r)), q(before));
        BackendProfile p = profile();
        p.apiKeyEnv = "WB_SOME_OTHER_KEY_VAR";
        p.concurrency = 3;
        qputenv("WB_SOME_OTHER_KEY_VAR", "sk-one");
        const std::string withKey = cacheKey(p, r);
        qputenv("WB_SOME_OTHER_KEY_VAR", "sk-two");
        QCOMPARE(q(cacheKey(p, r)), q(withKey));
        QCOMPARE(q(withKey), q(before));
        QCOMPARE(before.size(), std::size_t(64));
    }

    void baseUrlFromEnvironment()
    {
        BackendProfile p = profile("m", "");
        qputenv("OPENAI_BASE_URL", "http://local:8080/v1/");
        QCOMPARE(q(p.endpoint("chat/completions")), QStringLiteral("http://local:8080/v1/chat/completions"));
        qunsetenv("OPENAI_BASE_URL");
        QCOMPARE(q(p.effectiveBaseUrl()), QStringLiteral("https://api.openai.com/v1"));
    }

    void profileRoundTrip()
    {
        BackendProfile p = profile();
        p.apiKeyEnv = "MY_KEY";
        p.concurrency = 3;
        p.requestTimeoutS = 600;
        const auto back = BackendProfile::fromJson(p.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->toJson(), p.toJson());
        nlohmann::json bad = p.toJson();
        bad["concurrency"] = "many";
        const auto error = BackendProfile::fromJson(bad);
        QVERIFY(!error.ok());
        QCOMPARE(q(error.error().location), QStringLiteral("backend.concurrency"));
    }

    void retryAfter_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<double>("expected"); // -1 = not understood
        QTest::newRow("seconds") << "5" << 5.0;
        QTest::newRow("fraction") << "1.5" << 1.5;
        QTest::newRow("spaces") << " 3 " << 3.0;
        QTest::newRow("date in 10 s") << "Thu, 01 Jan 1970 00:00:20 GMT" << 10.0;
        QTest::newRow("date past") << "Thu, 01 Jan 1970 00:00:01 GMT" << 0.0;
        QTest::newRow("rfc 850") << "Thursday, 01-Jan-70 00:00:30 GMT" << 20.0;
        QTest::newRow("asctime") << "Thu Jan  1 00:00:40 1970" << 30.0;
        QTest::newRow("junk") << "soon" << -1.0;
        QTest::newRow("negative") << "-1" << -1.0;
        QTest::newRow("empty") << "" << -1.0;
    }
    void retryAfter()
    {
        QFETCH(QString, value);
        QFETCH(double, expected);
        const auto parsed = parseRetryAfter(value.toStdString(), std::time_t(10));
        QCOMPARE(parsed.has_value() ? *parsed : -1.0, expected);
    }

    void backoffGrowsWithJitterAndCap()
    {
        std::mt19937_64 rng(1);
        for (int i = 0; i < 100; ++i) {
            const double first = backoffDelayS(1, 1.0, 30.0, rng);
            QVERIFY(first >= 0.5 && first <= 1.0);
            const double third = backoffDelayS(3, 1.0, 30.0, rng);
            QVERIFY(third >= 2.0 && third <= 4.0);
            const double capped = backoffDelayS(20, 1.0, 30.0, rng);
            QVERIFY(capped >= 15.0 && capped <= 30.0);
        }
    }

    void sseAssemblesAcrossAnySplit()
    {
        const std::string stream
            = ": keep-alive\r\n\r\n"
              "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n"
              "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The answer\"}}]}\r\n\r\n"
              "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" is 4 \xE2\x82\xAC.\"}}]}\n\n"
              "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
              "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4}}\n\n"
              "data: [DONE]\n\n";
        for (std::size_t split = 0; split <= stream.size(); split += 7) {
            SseAssembler sse;
            sse.feed(stream.substr(0, split));
            sse.feed(stream.substr(split));
            const auto body = sse.finish("u");
            QVERIFY2(body.ok(), body.ok() ? "" : body.error().toString().c_str());
            const auto parsed = parseChatResponse(*body, "u");
            QVERIFY(parsed.ok());
            QCOMPARE(q(parsed->text), QStringLiteral("The answer is 4 \u20AC."));
            QCOMPARE(q(parsed->finishReason), QStringLiteral("stop"));
            QCOMPARE(parsed->usage.completionTokens, std::int64_t(4));
            QCOMPARE(q(parsed->model), QStringLiteral("m"));
        }
    }

    void sseCutShortIsAnError()
    {
        SseAssembler sse;
        sse.feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The\"}}]}\n\n");
        QVERIFY(!sse.finish("u").ok());
        SseAssembler junk;
        junk.feed("data: {\"choices\":[{\"delta\n\n");
        QCOMPARE(junk.finish("u").error().code, wb::ErrorCode::InvalidInput);
    }

    void aimd()
    {
        using Clock = ConcurrencyController::Clock;
        ConcurrencyController c(8);
        const Clock::time_point early = Clock::now();
        c.onRateLimited(Clock::now());
        QCOMPARE(c.limit(), 4);
        c.onRateLimited(early); // sent before the cut: same burst, no second cut
        QCOMPARE(c.limit(), 4);
        c.onRateLimited(Clock::now());
        QCOMPARE(c.limit(), 2);
        QCOMPARE(c.floorReached(), 2);
        for (int i = 0; i < 2; ++i)
            c.onSuccess();
        QCOMPARE(c.limit(), 3);
        for (int i = 0; i < 100; ++i)
            c.onSuccess();
        QCOMPARE(c.limit(), 8);
        QCOMPARE(c.floorReached(), 2);
    }

    void chatParsing_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("ok");
        QTest::newRow("valid")
            << R"({"model":"m","choices":[{"message":{"content":"hi"},"finish_reason":"length"}],"usage":{"prompt_tokens":3,"completion_tokens":1}})"
            << true;
        QTest::newRow("null content") << R"({"choices":[{"message":{"content":null},"finish_reason":"stop"}]})" << true;
        QTest::newRow("truncated") << R"({"choices":[{"message":)" << false;
        QTest::newRow("no choices") << R"({"id":"x"})" << false;
        QTest::newRow("empty choices") << R"({"choices":[]})" << false;
        QTest::newRow("html") << "<html>Bad gateway</html>" << false;
        QTest::newRow("number beyond double") << R"({"choices":[{"message":{"content":"1e400"}}],"x":1e400})" << false;
    }

    void usageCountsAreRangeChecked_data()
    {
        QTest::addColumn<QString>("usage");
        QTest::newRow("1e308") << R"({"prompt_tokens":1e308,"completion_tokens":1})";
        QTest::newRow("negative") << R"({"prompt_tokens":3,"completion_tokens":-1})";
        QTest::newRow("fractional") << R"({"prompt_tokens":2.5})";
        QTest::newRow("beyond int64") << R"({"completion_tokens":9223372036854775808})";
        QTest::newRow("string") << R"({"prompt_tokens":"3"})";
    }
    void usageCountsAreRangeChecked()
    {
        // A misreported count makes the reply malformed: a wrapped INT64_MIN or a silent 0 would be wrong evidence.
        QFETCH(QString, usage);
        const std::string body
            = R"({"choices":[{"message":{"content":"4"},"finish_reason":"stop"}],"usage":)" + usage.toStdString() + "}";
        const auto parsed = parseChatResponse(body, "u");
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, wb::ErrorCode::InvalidInput);
        QVERIFY2(parsed.error().message.find("usage.") != std::string::npos, parsed.error().message.c_str());
        SseAssembler sse;
        sse.feed("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"4\"},\"finish_reason\":\"stop\"}],"
                 "\"usage\":"
            + usage.toStdString() + "}\n\ndata: [DONE]\n\n");
        QVERIFY(!sse.finish("u").ok());
        const auto whole = parseChatResponse(
            R"({"choices":[{"message":{"content":"4"}}],"usage":{"prompt_tokens":3.0,"completion_tokens":1}})", "u");
        QVERIFY(whole.ok());
        QCOMPARE(whole->usage.promptTokens, std::int64_t(3));
    }
    void chatParsing()
    {
        QFETCH(QString, body);
        QFETCH(bool, ok);
        const auto parsed = parseChatResponse(body.toStdString(), "http://h/v1/chat/completions");
        QCOMPARE(parsed.ok(), ok);
        if (!ok)
            QCOMPARE(q(parsed.error().location), QStringLiteral("http://h/v1/chat/completions"));
    }

    void embeddingsParsingOrdersByIndex()
    {
        const auto parsed = parseEmbeddingsResponse(
            R"({"data":[{"index":1,"embedding":[2,2]},{"index":0,"embedding":[1,1]}],"model":"e"})", 2, "u");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->vectors[0][0], 1.0f);
        QCOMPARE(parsed->vectors[1][0], 2.0f);
        QVERIFY(!parseEmbeddingsResponse(R"({"data":[{"index":0,"embedding":[1]}]})", 2, "u").ok());
        QVERIFY(!parseEmbeddingsResponse(R"({"data":[{"index":1e300,"embedding":[1]}]})", 1, "u").ok());
        QVERIFY(!parseEmbeddingsResponse(R"({"data":[{"index":-1,"embedding":[1]}]})", 1, "u").ok());
    }

    void httpFailures_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        const QString echo
            = R"({"error":{"message":"Incorrect API key provided: sk-SECRETSECRET1234","code":"invalid_api_key"}})";
        QTest::newRow("401") << 401 << echo << "sk-SECRETSECRET1234" << int(FailureKind::Fatal)
                             << "WB_K was rejected by http://h:1/v1";
        QTest::newRow("401 no key") << 401 << "{}"
                                    << "" << int(FailureKind::Fatal) << "WB_K is not set";
        QTest::newRow("403") << 403 << "{}"
                             << "sk-abcdefgh12345" << int(FailureKind::Fatal) << "rejected";
        QTest::newRow("404 model") << 404 << R"({"error":{"code":"model_not_found"}})"
                                   << "" << int(FailureKind::Fatal) << "model \"m1\" is not known";
        QTest::newRow("400 model") << 400 << R"({"error":{"code":"model_not_found"}})"
                                   << "" << int(FailureKind::Fatal) << "check the model name";
        QTest::newRow("404 path") << 404 << ""
                                  << "" << int(FailureKind::Fatal) << "check the base URL";
        QTest::newRow("429") << 429 << "{}"
                             << "" << int(FailureKind::RateLimited) << "rate limited";
        QTest::newRow("500") << 500 << R"({"error":{"message":"boom"}})"
                             << "" << int(FailureKind::Retry) << "boom";
        QTest::newRow("503 html") << 503 << "<h1>down</h1>"
                                  << "" << int(FailureKind::Retry) << "<h1>down</h1>";
        QTest::newRow("400") << 400 << R"({"error":{"message":"bad max_tokens"}})"
                             << "" << int(FailureKind::Fatal) << "bad max_tokens";
    }
    void httpFailures()
    {
        QFETCH(int, status);
        QFETCH(QString, body);
        QFETCH(QString, key);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        BackendProfile p = profile();
        p.apiKeyEnv = "WB_K";
        const Failure f
            = describeHttpFailure(status, body.toStdString(), "http://h:1/v1/chat/completions", p, key.toStdString());
        QCOMPARE(int(f.kind), kind);
        const QString text = q(f.error.toString());
        QVERIFY2(text.contains(mentions), qPrintable(text));
        QVERIFY(text.startsWith(QStringLiteral("http://h:1/v1/chat/completions: ")));
        if (!key.isEmpty())
            QVERIFY2(!text.contains(key.left(8)), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestLlmProtocol)
#include "tst_llmprotocol.moc"
