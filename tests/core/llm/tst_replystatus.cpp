// SPDX-License-Identifier: Apache-2.0
// Reply statuses, reasoning text and reasoning tokens of chat completions, plain and streamed, in the formats of
// OpenAI, Azure OpenAI, vLLM, Ollama, DeepSeek, llama.cpp and OpenRouter.
#include "core/llm/canonical.h"
#include "core/llm/client.h"
#include "core/llm/responseparser.h"
#include "core/llm/sseassembler.h"
#include "support/fakeserver.h"

#include <QtTest>

using namespace wb::llm;

Q_DECLARE_METATYPE(ReplyStatus)

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

ChatResponse parsed(const std::string& body)
{
    auto response = parseChatResponse(body, "http://h/v1/chat/completions");
    if (!response)
        qFatal("not parsed: %s", response.error().toString().c_str());
    return *response;
}

/// The reply a stream of `chunks` (each one "data:" payload on one line) assembles into.
ChatResponse streamed(const std::vector<std::string>& chunks)
{
    SseAssembler sse;
    for (const std::string& chunk : chunks)
        sse.feed("data: " + chunk + "\n\n");
    sse.feed("data: [DONE]\n\n");
    auto body = sse.finish("u");
    if (!body)
        qFatal("not assembled: %s", body.error().toString().c_str());
    return parsed(*body);
}

} // namespace

class TestReplyStatus final : public QObject {
    Q_OBJECT
private slots:
    void statuses_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<ReplyStatus>("status");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("ok") << R"({"choices":[{"message":{"content":"It is 4."},"finish_reason":"stop"}]})"
                            << ReplyStatus::Ok << "";
        QTest::newRow("vLLM budget spent on reasoning")
            << R"({"choices":[{"message":{"content":null,"reasoning_content":"Let me think"},"finish_reason":"length"}],
                  "usage":{"completion_tokens":512,"completion_tokens_details":{"reasoning_tokens":512}}})"
            << ReplyStatus::Empty << "512 reasoning tokens";
        QTest::newRow("Ollama empty string")
            << R"({"choices":[{"message":{"content":"","reasoning":"Thinking..."},"finish_reason":"stop"}]})"
            << ReplyStatus::Empty << "finish_reason stop";
        QTest::newRow("whitespace only") << R"({"choices":[{"message":{"content":" \n "},"finish_reason":"stop"}]})"
                                         << ReplyStatus::Empty << "empty reply";
        QTest::newRow("no content field")
            << R"({"choices":[{"message":{"role":"assistant"}}]})" << ReplyStatus::Empty << "finish_reason none";
        QTest::newRow("content filter")
            << R"({"choices":[{"message":{"content":""},"finish_reason":"content_filter"}]})" << ReplyStatus::Filtered
            << "content filter";
        QTest::newRow("Azure filter results")
            << R"({"choices":[{"message":{"content":"partial"},"finish_reason":"stop","content_filter_results":
                  {"hate":{"filtered":false,"severity":"safe"},"violence":{"filtered":true,"severity":"high"}}}]})"
            << ReplyStatus::Filtered << "violence (high)";
        QTest::newRow("refusal") << R"({"choices":[{"message":{"content":null,"refusal":"I cannot help with that."}}]})"
                                 << ReplyStatus::Filtered << "I cannot help with that.";
        QTest::newRow("cut off with text")
            << R"({"choices":[{"message":{"content":"First, 3 + 4"},"finish_reason":"length"}]})"
            << ReplyStatus::Truncated << "finish_reason length";
        QTest::newRow("content is a number") << R"({"choices":[{"message":{"content":42},"finish_reason":"stop"}]})"
                                             << ReplyStatus::Malformed << "a number";
        QTest::newRow("content is an array")
            << R"({"choices":[{"message":{"content":[{"type":"text","text":"4"}]},"finish_reason":"stop"}]})"
            << ReplyStatus::Malformed << "an array";
    }
    void statuses()
    {
        QFETCH(QString, body);
        QFETCH(ReplyStatus, status);
        QFETCH(QString, reasonPart);
        const ChatResponse response = parsed(body.toStdString());
        QCOMPARE(response.status, status);
        QCOMPARE(response.choices.front().status, status);
        QCOMPARE(response.statusReason.empty(), status == ReplyStatus::Ok);
        QVERIFY2(q(response.statusReason).contains(reasonPart), response.statusReason.c_str());
    }

    void statusNames()
    {
        QCOMPARE(QString::fromLatin1(replyStatusName(ReplyStatus::Ok)), QStringLiteral("ok"));
        QCOMPARE(QString::fromLatin1(replyStatusName(ReplyStatus::Truncated)), QStringLiteral("truncated"));
        QCOMPARE(QString::fromLatin1(replyStatusName(ReplyStatus::Empty)), QStringLiteral("empty"));
        QCOMPARE(QString::fromLatin1(replyStatusName(ReplyStatus::Filtered)), QStringLiteral("filtered"));
        QCOMPARE(QString::fromLatin1(replyStatusName(ReplyStatus::Malformed)), QStringLiteral("malformed"));
    }

    void reasoningFromEveryKnownField_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("reasoning");
        QTest::newRow("vLLM < 0.11, DeepSeek, llama.cpp") << R"({"content":"4","reasoning_content":"2 + 2"})"
                                                          << "2 + 2";
        QTest::newRow("vLLM 0.11+, Ollama, OpenRouter") << R"({"content":"4","reasoning":"2 + 2"})"
                                                        << "2 + 2";
        QTest::newRow("both: no duplicate") << R"({"content":"4","reasoning":"2 + 2","reasoning_content":"2 + 2"})"
                                            << "2 + 2";
        QTest::newRow("OpenRouter details")
            << R"({"content":"4","reasoning_details":[{"type":"reasoning.summary","summary":"Add."},
                  {"type":"reasoning.encrypted","data":"xyz"},{"type":"reasoning.text","text":"2 + 2"}]})"
            << "Add.\n2 + 2";
        QTest::newRow("null reasoning") << R"({"content":"4","reasoning":null})"
                                        << "";
        QTest::newRow("none") << R"({"content":"4"})"
                              << "";
    }
    void reasoningFromEveryKnownField()
    {
        QFETCH(QString, message);
        QFETCH(QString, reasoning);
        const ChatResponse response
            = parsed(R"({"choices":[{"message":)" + message.toStdString() + R"(,"finish_reason":"stop"}]})");
        QCOMPARE(q(response.reasoning), reasoning);
        QCOMPARE(q(response.text), QStringLiteral("4")); // the reasoning never leaks into the answer text
        QCOMPARE(response.status, ReplyStatus::Ok);
    }

    void reasoningTokens()
    {
        const ChatResponse openai = parsed(R"({"choices":[{"message":{"content":"4"},"finish_reason":"stop"}],
            "usage":{"prompt_tokens":9,"completion_tokens":300,"completion_tokens_details":{"reasoning_tokens":256}}})");
        QCOMPARE(openai.usage.reasoningTokens, std::int64_t(256));
        QCOMPARE(openai.usage.completionTokens, std::int64_t(300));
        const ChatResponse none = parsed(R"({"choices":[{"message":{"content":"4"}}],
            "usage":{"prompt_tokens":9,"completion_tokens":3,"completion_tokens_details":null}})");
        QCOMPARE(none.usage.reasoningTokens, std::int64_t(0));
    }

    void streamedReasoningDeltas()
    {
        // vLLM and DeepSeek stream reasoning_content, Ollama and OpenRouter reasoning; the answer follows.
        for (const char* field : { "reasoning_content", "reasoning" }) {
            const std::string f = field;
            const ChatResponse response = streamed({
                R"({"id":"c","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":null}}]})",
                R"({"choices":[{"index":0,"delta":{")" + f + R"(":"2 + 2 "}}]})",
                R"({"choices":[{"index":0,"delta":{")" + f + R"(":"is 4"}}]})",
                R"({"choices":[{"index":0,"delta":{"content":"4"},"finish_reason":"stop"}],)"
                R"("usage":{"prompt_tokens":5,"completion_tokens":9,"completion_tokens_details":{"reasoning_tokens":8}}})",
            });
            QCOMPARE(q(response.reasoning), QStringLiteral("2 + 2 is 4"));
            QCOMPARE(q(response.text), QStringLiteral("4"));
            QCOMPARE(response.usage.reasoningTokens, std::int64_t(8));
            QCOMPARE(response.status, ReplyStatus::Ok);
        }
    }

    void streamedReplyWithOnlyReasoningIsEmpty()
    {
        const ChatResponse response = streamed({
            R"({"choices":[{"index":0,"delta":{"reasoning":"Let me count"}}]})",
            R"({"choices":[{"index":0,"delta":{},"finish_reason":"length"}]})",
        });
        QCOMPARE(response.status, ReplyStatus::Empty);
        QCOMPARE(q(response.reasoning), QStringLiteral("Let me count"));
    }

    void streamedFilterAndRefusalKeepTheirStatus()
    {
        const ChatResponse azure = streamed({
            R"({"choices":[{"index":0,"delta":{"content":"Some"}}]})",
            R"({"choices":[{"index":0,"delta":{},"finish_reason":"content_filter",)"
            R"("content_filter_results":{"self_harm":{"filtered":true,"severity":"medium"}}}]})",
        });
        QCOMPARE(azure.status, ReplyStatus::Filtered);
        QVERIFY2(q(azure.statusReason).contains(QStringLiteral("self_harm (medium)")), azure.statusReason.c_str());
        const ChatResponse refused = streamed({
            R"({"choices":[{"index":0,"delta":{"refusal":"I cannot"}}]})",
            R"({"choices":[{"index":0,"delta":{"refusal":" help."},"finish_reason":"stop"}]})",
        });
        QCOMPARE(refused.status, ReplyStatus::Filtered);
        QVERIFY2(q(refused.statusReason).contains(QStringLiteral("I cannot help.")), refused.statusReason.c_str());
    }

    void onlyOkRepliesAreCachedOrHit()
    {
        wb::test::FakeServerConfig config;
        config.choice = [](const nlohmann::json& request) -> nlohmann::json {
            if (request["messages"].back().value("content", std::string()) != "think")
                return nullptr;
            return { { "message", { { "content", nullptr }, { "reasoning", "..." } } }, { "finish_reason", "length" } };
        };
        wb::test::FakeServer server(config);
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        BackendProfile profile;
        profile.baseUrl = server.baseUrl();
        profile.model = "fake-model";
        auto cache = std::make_shared<MemoryResponseCache>();
        ChatRequest empty;
        empty.messages.push_back({ "user", "think" });
        ChatRequest plain;
        plain.messages.push_back({ "user", "add" });
        // A cache filled before reply statuses existed may hold an empty reply: it is no hit.
        cache->put(cacheKey(profile, plain), R"({"choices":[{"message":{"content":""},"finish_reason":"stop"}]})");
        ClientOptions options;
        options.cache = cache;
        options.jitterSeed = 1;
        Client client(profile, options);
        for (int round = 0; round < 2; ++round) {
            const auto first = client.chatSync(empty);
            QVERIFY(first.ok());
            QCOMPARE(first->status, ReplyStatus::Empty);
            QCOMPARE(first->fromCache, false);
            const auto second = client.chatSync(plain);
            QVERIFY(second.ok());
            QCOMPARE(second->status, ReplyStatus::Ok);
            QCOMPARE(second->fromCache, round == 1);
        }
        QCOMPARE(server.totalRequests(), 3); // the empty reply twice, the plain one once
    }
};

QTEST_GUILESS_MAIN(TestReplyStatus)
#include "tst_replystatus.moc"
