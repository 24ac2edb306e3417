// SPDX-License-Identifier: Apache-2.0
// /v1/completions for base models: a request with a prompt string goes to the completions endpoint with the same
// canonical body rules, cache keys of its own, and replies (plain and streamed) read from choices[].text.
#include "core/llm/canonical.h"
#include "core/llm/client.h"
#include "core/llm/responsecache.h"
#include "core/llm/responseparser.h"
#include "support/fakeserver.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace wb;
using namespace wb::llm;

namespace {

ChatRequest promptRequest(const std::string& prompt)
{
    ChatRequest request;
    request.prompt = prompt;
    request.temperature = 0.0;
    request.maxTokens = 64;
    return request;
}

} // namespace

class TestLlmCompletions final : public QObject {
    Q_OBJECT

private slots:
    void bodyCarriesThePromptAndNoMessages()
    {
        BackendProfile profile;
        profile.baseUrl = "http://127.0.0.1:1/v1";
        profile.model = "base";
        const auto body = nlohmann::json::parse(canonicalRequestJson(profile, promptRequest("Q: 1+1?\nA:")));
        QCOMPARE(body["prompt"].get<std::string>(), std::string("Q: 1+1?\nA:"));
        QVERIFY(!body.contains("messages"));
        QCOMPARE(body["max_tokens"].get<int>(), 64);
        QCOMPARE(std::string(chatEndpointPath(promptRequest("x"))), std::string("completions"));

        // The same text as a chat message is another request with another cache entry.
        ChatRequest chat;
        chat.messages.push_back({ "user", "Q: 1+1?\nA:" });
        chat.temperature = 0.0;
        chat.maxTokens = 64;
        QVERIFY(cacheKey(profile, chat) != cacheKey(profile, promptRequest("Q: 1+1?\nA:")));
        QCOMPARE(std::string(chatEndpointPath(chat)), std::string("chat/completions"));
    }

    void replyTextIsReadWithItsStatus()
    {
        auto ok = parseChatResponse(R"({"choices":[{"index":0,"text":" 2","finish_reason":"stop"}]})", "u");
        QVERIFY(ok.ok());
        QCOMPARE(ok->text, std::string(" 2"));
        QCOMPARE(ok->status, ReplyStatus::Ok);
        auto empty = parseChatResponse(R"({"choices":[{"index":0,"text":"","finish_reason":"length"}]})", "u");
        QVERIFY(empty.ok());
        QCOMPARE(empty->status, ReplyStatus::Empty);
        auto number = parseChatResponse(R"({"choices":[{"index":0,"text":42,"finish_reason":"stop"}]})", "u");
        QVERIFY(number.ok());
        QCOMPARE(number->status, ReplyStatus::Malformed);
        QVERIFY(!parseChatResponse(R"({"choices":[{"index":0,"finish_reason":"stop"}]})", "u").ok());
    }

    void clientSendsPromptsToCompletionsPlainAndStreamed()
    {
        test::FakeServer server;
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        BackendProfile profile;
        profile.baseUrl = server.baseUrl();
        profile.model = "fake-model";
        ClientOptions options;
        options.cache = std::make_shared<MemoryResponseCache>();
        Client client(profile, options);
        const auto plain = client.chatSync(promptRequest("Q: How many?\nA:"));
        QVERIFY2(plain.ok(), plain.ok() ? "" : plain.error().toString().c_str());
        QCOMPARE(plain->text, test::FakeServer::defaultAnswer(nlohmann::json { { "prompt", "Q: How many?\nA:" } }));
        QVERIFY(plain->usage.promptTokens > 0);

        ChatRequest streamed = promptRequest("Q: How many?\nA:");
        streamed.stream = true;
        streamed.noCache = true;
        const auto assembled = client.chatSync(streamed);
        QVERIFY2(assembled.ok(), assembled.ok() ? "" : assembled.error().toString().c_str());
        QCOMPARE(assembled->text, plain->text);
        QCOMPARE(assembled->status, ReplyStatus::Ok);

        // Cached like a chat reply: the same prompt again sends nothing.
        const std::size_t sent = server.chatBodies().size();
        const auto hit = client.chatSync(promptRequest("Q: How many?\nA:"));
        QVERIFY(hit.ok() && hit->fromCache);
        QCOMPARE(server.chatBodies().size(), sent);
        for (const auto& body : server.chatBodies())
            QVERIFY(body.contains("prompt") && !body.contains("messages"));
    }
};

QTEST_GUILESS_MAIN(TestLlmCompletions)
#include "tst_llmcompletions.moc"
