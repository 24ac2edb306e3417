// SPDX-License-Identifier: Apache-2.0
// The /v1/embeddings encoder against the fake server: vectors, batching, per-text cache, model separation, errors.
#include "core/relevance/embeddingsencoder.h"
#include "support/fakeserver.h"

#include <QtTest>

using wb::relevance::EmbeddingsEncoder;
using wb::relevance::EmbeddingsEncoderOptions;
using wb::test::FakeServer;

namespace {

wb::llm::BackendProfile embedder(const FakeServer& server, const std::string& model = "fake-embedder")
{
    wb::llm::BackendProfile p;
    p.baseUrl = server.baseUrl();
    p.model = model;
    p.apiKeyEnv = "WB_TEST_EMBEDDINGS_KEY";
    p.concurrency = 4;
    p.retryBaseDelayS = 0.01;
    return p;
}

std::vector<std::string> texts(int count, const std::string& prefix = "condition ")
{
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i)
        out.push_back(prefix + std::to_string(i));
    return out;
}

} // namespace

class TestLlmEmbeddings final : public QObject {
    Q_OBJECT
private slots:
    void vectorsBatchesAndCache()
    {
        FakeServer server;
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        EmbeddingsEncoder encoder(embedder(server));
        QCOMPARE(QString::fromStdString(encoder.id()),
            QString::fromStdString("embeddings:" + server.baseUrl() + "#fake-embedder"));
        const auto input = texts(150);
        const auto vectors = encoder.encode(input);
        QVERIFY2(vectors.ok(), vectors.ok() ? "" : vectors.error().toString().c_str());
        QCOMPARE(vectors->size(), std::size_t(150));
        for (std::size_t i = 0; i < input.size(); ++i)
            QCOMPARE((*vectors)[i], FakeServer::embeddingFor(input[i], 16));
        QCOMPARE(server.totalRequests(), 3); // 64 + 64 + 22

        // Known texts cost nothing; only new ones are sent, once even when repeated.
        auto mixed = texts(10);
        mixed.push_back("new text");
        mixed.push_back("new text");
        const auto again = encoder.encode(mixed);
        QVERIFY(again.ok());
        QCOMPARE(server.totalRequests(), 4);
        QCOMPARE((*again)[10], FakeServer::embeddingFor("new text", 16));
        QCOMPARE((*again)[11], (*again)[10]);
        QCOMPARE(encoder.requestsSent(), std::uint64_t(4));
    }

    void modelsNeverShareVectors()
    {
        FakeServer server;
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        EmbeddingsEncoderOptions options;
        options.cache = std::make_shared<wb::llm::MemoryResponseCache>();
        EmbeddingsEncoder first(embedder(server, "fake-embedder"), options);
        EmbeddingsEncoder second(embedder(server, "fake-model"), options);
        QVERIFY(first.encode(texts(5)).ok());
        QCOMPARE(server.totalRequests(), 1);
        QVERIFY(second.encode(texts(5)).ok());
        QCOMPARE(server.totalRequests(), 2);
        EmbeddingsEncoder firstAgain(embedder(server, "fake-embedder"), options);
        QVERIFY(firstAgain.encode(texts(5)).ok());
        QCOMPARE(server.totalRequests(), 2);
    }

    void errorsNameTheEndpoint()
    {
        FakeServer server;
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        EmbeddingsEncoder encoder(embedder(server, "no-such-embedder"));
        const auto result = encoder.encode(texts(3));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, wb::ErrorCode::NotFound);
        QCOMPARE(
            QString::fromStdString(result.error().location), QString::fromStdString(server.baseUrl() + "/embeddings"));
    }

    void malformedAnswersAreRetried()
    {
        FakeServer server;
        QVERIFY2(server.start(), "the fake server could not listen on 127.0.0.1");
        server.setFaultAt(1, wb::test::Fault::MalformedJson);
        server.setFaultAt(2, wb::test::Fault::ServerError);
        EmbeddingsEncoder encoder(embedder(server));
        const auto result = encoder.encode(texts(3));
        QVERIFY(result.ok());
        QCOMPARE((*result)[2], FakeServer::embeddingFor("condition 2", 16));
        QCOMPARE(server.totalRequests(), 3);
    }
};

QTEST_GUILESS_MAIN(TestLlmEmbeddings)
#include "tst_llmembeddings.moc"
