// SPDX-License-Identifier: Apache-2.0
#include "core/store/problemcodec.h"
#include "support/testpaths.h"
#include "core/store/schema.h"
#include "core/store/secrets.h"
#include "core/store/sqliteresponsecache.h"
#include "core/store/statement.h"
#include "core/store/store.h"

#include <QElapsedTimer>
#include <QFile>
#include <nlohmann/json.hpp>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <thread>
#include <limits>

#ifdef Q_OS_UNIX
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace wb::store;
using wb::dataset::Problem;

namespace {

constexpr const char* kSentinel = "sk-SENTINEL-7f3a9c-never-store-me";

std::vector<Problem> sampleProblems()
{
    Problem a;
    a.index = 0;
    a.id = "gsm-17";
    a.text = "Tom has 3 apples. His sister is 12 years old. How many apples does he have after buying 2?";
    a.conditions = { "Tom has 3 apples.", "His sister is 12 years old.", "He buys 2." };
    a.question = "How many apples does he have?";
    a.segmentationFromSource = true;
    a.goldAnswerText = "5";
    a.goldNumber = 5.0;
    a.rationale = "3 + 2 = <<3+2=5>>5\n#### 5";
    a.goldIrrelevant = { 1 };
    a.hasGoldAnnotation = true;
    a.referenceCandidates = { 1, 2 };
    a.referenceSq = { 0.1 + 0.2, 1.0 / 3.0, -0.0, std::numeric_limits<double>::denorm_min() };
    a.sourceLine = 42;

    Problem b;
    b.index = 1;
    b.id = "aqua-2";
    b.text = "Un café coûte 2,50 € — \"quoted\" \\ back\tslash";
    b.question = "Quel est le prix ?";
    b.goldAnswerText = "C";
    b.goldChoice = "C";
    b.choices = { "A)1", "B)2", "C)2.5", "D)3", "E)\xF0\x9F\x8D\x8E" };
    b.sourceLine = 43;

    Problem c; // mostly empty: optional numbers absent, empty lists
    c.index = 5;
    c.id = "6";
    c.text = "x";
    c.goldNumber = 1e308;
    return { a, b, c };
}

void compareProblems(const Problem& got, const Problem& want)
{
    QCOMPARE(got.index, want.index);
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.text, want.text);
    QCOMPARE(got.conditions, want.conditions);
    QCOMPARE(got.question, want.question);
    QCOMPARE(got.segmentationFromSource, want.segmentationFromSource);
    QCOMPARE(got.goldAnswerText, want.goldAnswerText);
    QCOMPARE(got.goldNumber.has_value(), want.goldNumber.has_value());
    if (want.goldNumber)
        QCOMPARE(*got.goldNumber, *want.goldNumber); // bit-exact: QCOMPARE on double is fuzzy only for tiny diffs
    QCOMPARE(got.goldChoice, want.goldChoice);
    QCOMPARE(got.choices, want.choices);
    QCOMPARE(got.rationale, want.rationale);
    QCOMPARE(got.goldIrrelevant, want.goldIrrelevant);
    QCOMPARE(got.hasGoldAnnotation, want.hasGoldAnnotation);
    QCOMPARE(got.referenceCandidates, want.referenceCandidates);
    QCOMPARE(got.referenceSq.size(), want.referenceSq.size());
    for (std::size_t i = 0; i < want.referenceSq.size(); ++i) {
        QVERIFY(std::memcmp(&got.referenceSq[i], &want.referenceSq[i], sizeof(double)) == 0);
    }
    QCOMPARE(got.sourceLine, want.sourceLine);
}

wb::dataset::DatasetInfo sampleInfo(const std::string& hash)
{
    wb::dataset::DatasetInfo info;
    info.path = "/data/sample.jsonl";
    info.name = "sample.jsonl";
    info.format = wb::dataset::Format::Gsm8k;
    info.contentHash = hash;
    info.problemCount = 3;
    info.skippedRecords = 1;
    return info;
}

CallRecord sampleCall(RowId runId, std::int64_t problem, const std::string& step)
{
    CallRecord call;
    call.runId = runId;
    call.problemIndex = problem;
    call.step = step;
    call.sampleIndex = 0;
    call.cacheKey = "key-" + std::to_string(problem) + "-" + step;
    call.requestJson = R"({"model":"m","messages":[{"role":"user","content":"hi"}],"temperature":0})";
    call.responseJson
        = R"({"choices":[{"message":{"content":"5"}}],"usage":{"prompt_tokens":11,"completion_tokens":3}})";
    call.responseText = "5";
    call.promptTokens = 11;
    call.completionTokens = 3;
    call.latencyMs = 12.5;
    call.attempts = 2;
    return call;
}

/// Imports the sample dataset (idempotent) and creates a run on it; 0 when either fails.
RowId createSampleRun(Store& store, NewRun spec = {})
{
    auto dataset = store.importDataset(sampleInfo("h"), sampleProblems());
    if (!dataset)
        return 0;
    spec.datasetId = dataset->datasetId;
    auto runId = store.createRun(spec);
    return runId ? *runId : 0;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestStore final : public QObject {
    Q_OBJECT
private slots:
    void datasetRoundTrip()
    {
        auto store = Store::openMemory();
        QVERIFY(store.ok());
        const auto problems = sampleProblems();
        auto imported = store->importDataset(sampleInfo("hash-1"), problems);
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().message.c_str());
        QVERIFY(!imported->alreadyPresent);

        auto loaded = store->loadProblems(imported->datasetId);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->size(), problems.size());
        for (std::size_t i = 0; i < problems.size(); ++i)
            compareProblems((*loaded)[i], problems[i]);
        auto page = store->loadProblems(imported->datasetId, 1, 5);
        QVERIFY(page.ok());
        QCOMPARE(page->size(), std::size_t(2));
        compareProblems(page->front(), problems[1]);
        auto one = store->loadProblem(imported->datasetId, 5);
        QVERIFY(one.ok());
        compareProblems(*one, problems[2]);
        auto absent = store->loadProblem(imported->datasetId, 4);
        QVERIFY(!absent.ok());
        QCOMPARE(absent.error().code, wb::ErrorCode::NotFound);

        auto record = store->dataset(imported->datasetId);
        QVERIFY(record.ok());
        QCOMPARE(record->name, std::string("sample.jsonl"));
        QCOMPARE(record->format, std::string(wb::dataset::formatName(wb::dataset::Format::Gsm8k)));
        QCOMPARE(record->problemCount, std::size_t(3));
        QCOMPARE(record->skippedRecords, std::size_t(1));
        QVERIFY(!record->importedAt.empty());

        // Each problem carries the hash of its canonical JSON.
        auto hash = store->database().prepare("SELECT content_hash FROM problems WHERE idx = 0");
        QVERIFY(hash.ok());
        QCOMPARE(*hash->step(), Statement::Step::Row);
        QCOMPARE(hash->columnText(0), problemContentHash(problems[0]));
        QCOMPARE(problemContentHash(problems[0]).size(), std::size_t(64));
    }

    void canonicalJsonIgnoresPositionOnly()
    {
        auto problems = sampleProblems();
        Problem moved = problems[0];
        moved.index = 99;
        moved.sourceLine = 7;
        QCOMPARE(canonicalProblemJson(moved), canonicalProblemJson(problems[0]));
        moved.goldIrrelevant = { 0 };
        QVERIFY(problemContentHash(moved) != problemContentHash(problems[0]));
        const std::string json = canonicalProblemJson(problems[1]);
        QVERIFY(json.find("\"choices\"") < json.find("\"text\"")); // keys sorted
    }

    void reimportIsIdempotent()
    {
        auto store = Store::openMemory();
        QVERIFY(store.ok());
        auto first = store->importDataset(sampleInfo("same-hash"), sampleProblems());
        QVERIFY(first.ok());
        auto again = store->importDataset(sampleInfo("same-hash"), sampleProblems());
        QVERIFY(again.ok());
        QVERIFY(again->alreadyPresent);
        QCOMPARE(again->datasetId, first->datasetId);

        // Streaming import of the same content rolls back what it streamed and returns the stored id.
        const auto problems = sampleProblems();
        auto streamed = store->importDatasetStreaming(
            [&](const wb::dataset::ProblemSink& sink) -> wb::Result<wb::dataset::DatasetInfo> {
                for (Problem p : problems)
                    sink(std::move(p));
                return sampleInfo("same-hash");
            });
        QVERIFY(streamed.ok());
        QVERIFY(streamed->alreadyPresent);
        QCOMPARE(streamed->datasetId, first->datasetId);
        QCOMPARE(store->listDatasets()->size(), std::size_t(1));
        auto count = store->database().prepare("SELECT count(*) FROM problems");
        QVERIFY(count.ok());
        QCOMPARE(*count->step(), Statement::Step::Row);
        QCOMPARE(count->columnInt64(0), 3);

        auto found = store->findDatasetByHash("same-hash");
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->id, first->datasetId);
        QVERIFY(!store->findDatasetByHash("other")->has_value());
    }

    void streamingImport()
    {
        auto store = Store::openMemory();
        QVERIFY(store.ok());
        const auto problems = sampleProblems();
        auto streamed = store->importDatasetStreaming(
            [&](const wb::dataset::ProblemSink& sink) -> wb::Result<wb::dataset::DatasetInfo> {
                for (Problem p : problems)
                    sink(std::move(p));
                return sampleInfo("stream-hash");
            });
        QVERIFY2(streamed.ok(), streamed.ok() ? "" : streamed.error().message.c_str());
        QVERIFY(!streamed->alreadyPresent);
        auto loaded = store->loadProblems(streamed->datasetId);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->size(), problems.size());
        compareProblems(loaded->back(), problems.back());
        QCOMPARE(store->dataset(streamed->datasetId)->contentHash, std::string("stream-hash"));

        // A producer that fails leaves nothing behind.
        auto failed = store->importDatasetStreaming(
            [&](const wb::dataset::ProblemSink& sink) -> wb::Result<wb::dataset::DatasetInfo> {
                sink(Problem(problems[0]));
                return wb::makeError(wb::ErrorCode::InvalidInput, "bad record", "f.jsonl:2");
            });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().location, std::string("f.jsonl:2"));
        QCOMPARE(store->listDatasets()->size(), std::size_t(1));
        QVERIFY(!store->database().inTransaction());
    }

    void methodsAndDemoSets()
    {
        auto store = Store::openMemory();
        QVERIFY(store.ok());
        MethodRecord method { 0, "Zero-Shot-CoT + I3C", "1", R"({"steps":[]})", "", "" };
        auto id = store->saveMethod(method);
        QVERIFY(id.ok());
        auto same = store->saveMethod(method);
        QVERIFY(same.ok());
        QCOMPARE(*same, *id);
        auto loaded = store->method(*id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->definitionJson, method.definitionJson);
        QCOMPARE(loaded->sha256.size(), std::size_t(64));
        QCOMPARE(store->listMethods()->size(), std::size_t(1));

        DemoSetRecord demos { 0, "gsm8k-8", "i3c-select k=8 pool=train.jsonl encoder=builtin", R"([{"q":"a"}])", "" };
        auto demoId = store->saveDemoSet(demos);
        QVERIFY(demoId.ok());
        auto demoLoaded = store->demoSet(*demoId);
        QVERIFY(demoLoaded.ok());
        QCOMPARE(demoLoaded->howMade, demos.howMade);
        QCOMPARE(demoLoaded->itemsJson, demos.itemsJson);
        QCOMPARE(store->listDemoSets()->size(), std::size_t(1));
        QCOMPARE(store->demoSet(999).error().code, wb::ErrorCode::NotFound);
    }

    void runCallResultRoundTrip()
    {
        auto store = Store::openMemory();
        QVERIFY(store.ok());
        auto dataset = store->importDataset(sampleInfo("h"), sampleProblems());
        QVERIFY(dataset.ok());
        auto methodId = store->saveMethod(MethodRecord { 0, "Direct", "1", "{}", "", "" });
        QVERIFY(methodId.ok());
        NewRun spec;
        spec.name = "direct on sample";
        spec.datasetId = dataset->datasetId;
        spec.methodId = *methodId;
        spec.backendJson = R"({"base_url":"http://127.0.0.1:8000/v1","model":"m","api_key_env":"OPENAI_API_KEY"})";
        spec.paramsJson = R"({"temperature":0})";
        auto runId = store->createRun(spec);
        QVERIFY2(runId.ok(), runId.ok() ? "" : runId.error().message.c_str());
        QCOMPARE(store->run(*runId)->status, RunStatus::Planned);
        QVERIFY(store->setRunStatus(*runId, RunStatus::Running).ok());
        QCOMPARE(store->setRunStatus(*runId + 100, RunStatus::Running).error().code, wb::ErrorCode::NotFound);

        CallRecord failed = sampleCall(*runId, 0, "reason");
        failed.status = CallStatus::Error;
        failed.error = "HTTP 500";
        failed.promptTokens.reset();
        failed.latencyMs.reset();
        auto failedId = store->recordCall(failed);
        QVERIFY(failedId.ok());
        QVERIFY(store->finishedCallKeys(*runId)->empty()); // errors are retried on resume

        const CallRecord retried = sampleCall(*runId, 0, "reason");
        auto retriedId = store->recordCall(retried);
        QVERIFY(retriedId.ok());
        QCOMPARE(*retriedId, *failedId); // replaced in place
        QVERIFY(store->recordCall(sampleCall(*runId, 0, "verify:2")).ok());
        QVERIFY(store->recordCall(sampleCall(*runId, 1, "reason")).ok());

        auto keys = store->finishedCallKeys(*runId);
        QVERIFY(keys.ok());
        const std::set<CallKey> want { { 0, "reason" }, { 0, "verify:2" }, { 1, "reason" } };
        QVERIFY(*keys == want);

        auto calls = store->loadCalls(*runId, 0);
        QVERIFY(calls.ok());
        QCOMPARE(calls->size(), std::size_t(2));
        const CallRecord& got = calls->front();
        QCOMPARE(got.step, retried.step);
        QCOMPARE(got.cacheKey, retried.cacheKey);
        QCOMPARE(got.requestJson, retried.requestJson);
        QCOMPARE(got.responseJson, retried.responseJson);
        QCOMPARE(got.responseText, retried.responseText);
        QCOMPARE(got.status, CallStatus::Done);
        QCOMPARE(got.error, std::string());
        QCOMPARE(got.promptTokens, retried.promptTokens);
        QCOMPARE(got.completionTokens, retried.completionTokens);
        QCOMPARE(got.latencyMs, retried.latencyMs);
        QCOMPARE(got.attempts, 2);
        QCOMPARE(store->loadCalls(*runId)->size(), std::size_t(3));

        ResultRecord result { *runId, 0, "5", 5.0, true, "", 2, 28, R"({"candidates":[1]})", "", ProblemStatus::Correct,
            "" };
        QVERIFY(store->recordResult(result).ok());
        ResultRecord unscored { *runId, 1, "", std::nullopt, std::nullopt, "extraction failed", 1, 14, "", "",
            ProblemStatus::Error, "extraction failed" };
        QVERIFY(store->recordResult(unscored).ok());
        auto results = store->loadResults(*runId);
        QVERIFY(results.ok());
        QCOMPARE(results->size(), std::size_t(2));
        QCOMPARE((*results)[0].extractedAnswer, std::string("5"));
        QCOMPARE((*results)[0].extractedNumber, std::optional<double>(5.0));
        QCOMPARE((*results)[0].correct, std::optional<bool>(true));
        QCOMPARE((*results)[0].tokens, 28);
        QCOMPARE((*results)[0].detailsJson, result.detailsJson);
        QCOMPARE((*results)[1].correct, std::optional<bool>());
        QCOMPARE((*results)[1].error, unscored.error);
        QCOMPARE((*results)[0].status, ProblemStatus::Correct);
        QCOMPARE((*results)[1].status, ProblemStatus::Error);
        QCOMPARE((*results)[1].reason, unscored.reason);

        QVERIFY(store->setRunStatus(*runId, RunStatus::Completed).ok());
        auto runs = store->listRuns();
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), std::size_t(1));
        const RunRecord& run = runs->front();
        QCOMPARE(run.status, RunStatus::Completed);
        QCOMPARE(run.doneCalls, std::size_t(3));
        QCOMPARE(run.errorCalls, std::size_t(0));
        QCOMPARE(run.results, std::size_t(2));
        QCOMPARE(run.correct, std::size_t(1));
        QCOMPARE(run.methodId, std::optional<RowId>(*methodId));
        QVERIFY(run.backendJson.find("OPENAI_API_KEY") != std::string::npos);

        // Inside an open transaction a call could not be committed at once, so it is refused.
        {
            auto tx = Transaction::begin(store->database());
            QVERIFY(tx.ok());
            auto refused = store->recordCall(sampleCall(*runId, 2, "reason"));
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, wb::ErrorCode::Usage);
        }

        auto inUse = store->deleteDataset(dataset->datasetId);
        QVERIFY(!inUse.ok()); // a run still refers to it
        QVERIFY(store->deleteRun(*runId).ok());
        QVERIFY(store->deleteDataset(dataset->datasetId).ok());
        QVERIFY(store->listDatasets()->empty());
        QVERIFY(store->loadCalls(*runId)->empty());
        QVERIFY(store->loadResults(*runId)->empty());
    }

    void runNeedsExistingDataset()
    {
        auto store = Store::openMemory();
        QVERIFY(store.ok());
        NewRun spec;
        spec.datasetId = 12345;
        auto r = store->createRun(spec);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("FOREIGN KEY") != std::string::npos, r.error().message.c_str());
        spec.backendJson = "{not json";
        auto bad = store->createRun(spec);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, wb::ErrorCode::InvalidInput);
        QCOMPARE(bad.error().location, std::string("runs.backend_json"));
    }

    void credentialFieldNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("credential");
        QTest::newRow("api_key") << "api_key" << true;
        QTest::newRow("apiKey") << "apiKey" << true;
        QTest::newRow("key") << "key" << true;
        QTest::newRow("x-api-key") << "x-api-key" << true;
        QTest::newRow("Authorization") << "Authorization" << true;
        QTest::newRow("access_token") << "access_token" << true;
        QTest::newRow("client_secret") << "client_secret" << true;
        QTest::newRow("api_key_env") << "api_key_env" << false;
        QTest::newRow("keyEnv") << "keyEnv" << false;
        QTest::newRow("model") << "model" << false;
        QTest::newRow("base_url") << "base_url" << false;
        QTest::newRow("max_tokens") << "max_tokens" << false;
        QTest::newRow("cache_key") << "cache_key" << false;
    }
    void credentialFieldNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, credential);
        QCOMPARE(isCredentialField(name.toStdString()), credential);
    }

    void cleanJsonIsKeptByteForByte()
    {
        const std::string pretty = "{ \"model\": \"m\",\n  \"api_key_env\": \"OPENAI_API_KEY\", \"b\": [1, 2] }";
        auto kept = stripCredentials(pretty, "f");
        QVERIFY(kept.ok());
        QCOMPARE(*kept, pretty);
        auto cleaned = stripCredentials("{\"model\":\"m\",\"list\":[\"Bearer x\",\"y\"],\"Api-Key\":\"x\"}", "f");
        QVERIFY(cleaned.ok());
        QCOMPARE(*cleaned, std::string("{\"list\":[\"y\"],\"model\":\"m\"}"));
    }

    void apiKeyNeverReachesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("secret.db"));
        const std::string sentinel = kSentinel;
        {
            auto store = Store::open(path.toStdString());
            QVERIFY(store.ok());
            auto dataset = store->importDataset(sampleInfo("h"), sampleProblems());
            QVERIFY(dataset.ok());
            NewRun spec;
            spec.datasetId = dataset->datasetId;
            const nlohmann::json backend = {
                { "base_url", "https://api.example/v1" },
                { "model", "m" },
                { "api_key", sentinel },
                { "apiKey", sentinel },
                { "key", sentinel },
                { "api_key_env", "OPENAI_API_KEY" },
                { "headers", { { "Authorization", "Bearer " + sentinel }, { "X-Trace", "t" } } },
                { "extra", { "Bearer " + sentinel } },
            };
            spec.backendJson = backend.dump();
            spec.configJson = nlohmann::json {
                { "backend", { { "model", "m" }, { "authorization", sentinel } } }, { "method_sha", "abc" }
            }.dump();
            spec.paramsJson = nlohmann::json { { "temperature", 0 }, { "token", sentinel } }.dump();
            auto runId = store->createRun(spec);
            QVERIFY2(runId.ok(), runId.ok() ? "" : runId.error().message.c_str());
            auto run = store->run(*runId);
            QVERIFY(run.ok());
            QVERIFY(run->backendJson.find(sentinel) == std::string::npos);
            QVERIFY(run->backendJson.find("\"api_key_env\":\"OPENAI_API_KEY\"") != std::string::npos);
            QVERIFY(run->backendJson.find("\"X-Trace\":\"t\"") != std::string::npos);
            QVERIFY(run->configJson.find("\"method_sha\":\"abc\"") != std::string::npos);
            // Scan while the WAL still holds the pages, then again after close has checkpointed them.
            for (const char* suffix : { "", "-wal", "-shm" })
                QVERIFY2(!fileBytes(path + QLatin1String(suffix)).contains(sentinel.c_str()), suffix);
        }
        const QByteArray bytes = fileBytes(path);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(bytes.contains("OPENAI_API_KEY")); // the scan does see row contents
        QVERIFY(!bytes.contains(sentinel.c_str()));
        QVERIFY(!fileBytes(path + QStringLiteral("-wal")).contains(sentinel.c_str()));
    }

    void fileStoreUsesWalAndReopens()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("store.db")).toStdString();
        RowId datasetId = 0;
        {
            auto store = Store::open(path);
            QVERIFY(store.ok());
            QCOMPARE(*store->database().journalMode(), std::string("wal"));
            datasetId = store->importDataset(sampleInfo("h"), sampleProblems())->datasetId;
        }
        auto reopened = Store::open(path);
        QVERIFY(reopened.ok());
        QCOMPARE(*reopened->database().userVersion(), wb::store::latestSchemaVersion());
        QCOMPARE(reopened->loadProblems(datasetId)->size(), std::size_t(3));
    }

    void versionOneCallsAndResultsGetExplicitOutcomes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("v1.db")).toStdString();
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(wb::store::migrate(*db, 1).ok());
            // A v1 file: one run whose calls were all stored as 'done', empty and malformed replies included.
            const char* sql = R"sql(
INSERT INTO datasets (id, name, path, format, content_hash) VALUES (1, 'd', 'd.jsonl', 'jsonl', 'h');
INSERT INTO runs (id, dataset_id) VALUES (1, 1);
INSERT INTO calls (run_id, problem_idx, step, response_json, response_text, status) VALUES
 (1, 0, 'reason', '{"choices":[{"message":{"content":"It is 4."},"finish_reason":"stop"}]}', 'It is 4.', 'done'),
 (1, 1, 'reason', '{"choices":[{"message":{"content":null,"reasoning_content":"Hmm."},"finish_reason":"length"}],"usage":{"completion_tokens_details":{"reasoning_tokens":512}}}', '', 'done'),
 (1, 2, 'reason', '{"choices":[{"message":{"content":42},"finish_reason":"stop"}]}', '', 'done'),
 (1, 3, 'reason', '{"choices":[{"message":{"content":"It is"},"finish_reason":"length"}]}', 'It is', 'done'),
 (1, 4, 'reason', '', '', 'error');
INSERT INTO results (run_id, problem_idx, correct, error, details_json) VALUES
 (1, 0, 1, '', '{"verdict":"correct"}'), (1, 1, 0, '', '{"verdict":"no-answer"}'),
 (1, 2, 0, '', '{"verdict":"no-answer"}'), (1, 3, 0, '', '{"verdict":"incorrect"}'),
 (1, 4, NULL, 'reason: HTTP 500', '{}');
)sql";
            QVERIFY(db->execute(sql).ok());
        }
        auto store = Store::open(path);
        QVERIFY2(store.ok(), store.ok() ? "" : store.error().toString().c_str());
        auto calls = store->loadCalls(1);
        QVERIFY(calls.ok());
        QCOMPARE(calls->size(), std::size_t(5));
        QCOMPARE((*calls)[0].status, CallStatus::Done);
        QCOMPARE((*calls)[0].finishReason, std::string("stop"));
        QCOMPARE((*calls)[1].status, CallStatus::Empty);
        QCOMPARE((*calls)[1].reasoningText, std::string("Hmm."));
        QCOMPARE((*calls)[1].reasoningTokens, std::optional<std::int64_t>(512));
        QCOMPARE((*calls)[2].status, CallStatus::Malformed);
        QCOMPARE((*calls)[3].status, CallStatus::Truncated);
        QCOMPARE((*calls)[4].status, CallStatus::Error);

        auto results = store->loadResults(1);
        QVERIFY(results.ok());
        QCOMPARE(results->size(), std::size_t(5));
        QCOMPARE((*results)[0].status, ProblemStatus::Correct);
        QCOMPARE((*results)[1].status, ProblemStatus::NoAnswer);
        QVERIFY2((*results)[1].reason.find("empty reply") != std::string::npos, (*results)[1].reason.c_str());
        QCOMPARE((*results)[2].status, ProblemStatus::Error);
        QVERIFY(!(*results)[2].error.empty());
        QCOMPARE((*results)[3].status, ProblemStatus::Wrong);
        QCOMPARE((*results)[4].status, ProblemStatus::Error);
        QCOMPARE((*results)[4].reason, std::string("reason: HTTP 500"));

        auto run = store->run(1);
        QVERIFY(run.ok());
        QCOMPARE(run->correct, std::size_t(1));
        QCOMPARE(run->wrong, std::size_t(1));
        QCOMPARE(run->noAnswer, std::size_t(1));
        QCOMPARE(run->errors, std::size_t(2));
        QCOMPARE(run->errorCalls, std::size_t(2)); // the malformed reply and the failed call
        auto finished = store->finishedCallKeys(1);
        QVERIFY(finished.ok());
        QCOMPARE(finished->size(), std::size_t(2)); // the calls with text: done and truncated
    }

    void callStatusesRoundTrip()
    {
        auto store = Store::openMemory();
        QVERIFY(store.ok());
        for (const auto status : { CallStatus::Done, CallStatus::Truncated, CallStatus::Empty, CallStatus::Filtered,
                 CallStatus::Malformed, CallStatus::Error })
            QCOMPARE(wb::store::callStatusFromName(wb::store::callStatusName(status)), std::optional(status));
        for (const auto status :
            { ProblemStatus::Correct, ProblemStatus::Wrong, ProblemStatus::NoAnswer, ProblemStatus::Error })
            QCOMPARE(wb::store::problemStatusFromName(wb::store::problemStatusName(status)), std::optional(status));
        QCOMPARE(
            QString::fromLatin1(wb::store::problemStatusName(ProblemStatus::NoAnswer)), QStringLiteral("no_answer"));
        QVERIFY(!wb::store::callStatusFromName("ok"));
    }

    void newerStoreFileIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("future.db")).toStdString();
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(db->setUserVersion(wb::store::latestSchemaVersion() + 5).ok());
        }
        auto store = Store::open(path);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, wb::ErrorCode::Database);
        QVERIFY2(store.error().message.find(path) != std::string::npos, store.error().message.c_str());
        QVERIFY(store.error().message.find("newer") != std::string::npos);
    }

    void readerSeesCommittedStateWhileWriterWrites()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("shared.db")).toStdString();
        auto writer = Store::open(path);
        QVERIFY(writer.ok());
        const RowId runId = createSampleRun(*writer);
        QVERIFY(runId > 0);
        QVERIFY(writer->recordCall(sampleCall(runId, 0, "reason")).ok());

        auto reader = Store::open(path);
        QVERIFY(reader.ok());

        // The reader holds a read snapshot open (a statement mid-iteration) while the writer commits.
        auto scan = reader->database().prepare("SELECT problem_idx FROM calls WHERE run_id = ?1");
        QVERIFY(scan.ok());
        QVERIFY(scan->bindInt64(1, runId).ok());
        QCOMPARE(*scan->step(), Statement::Step::Row);
        auto written = writer->recordCall(sampleCall(runId, 1, "reason"));
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str()); // not blocked by the reader
        QCOMPARE(*scan->step(), Statement::Step::Done); // the snapshot predates the second call
        QVERIFY(scan->reset().ok());

        // An uncommitted write is invisible to the reader, and the reader is not blocked by it.
        {
            auto tx = Transaction::begin(writer->database());
            QVERIFY(tx.ok());
            QVERIFY(writer->database().execute("UPDATE runs SET name = 'pending'").ok());
            auto seen = reader->run(runId);
            QVERIFY(seen.ok());
            QCOMPARE(seen->name, std::string());
            QCOMPARE(seen->doneCalls, std::size_t(2));
        }
        QCOMPARE(reader->finishedCallKeys(runId)->size(), std::size_t(2));
    }

    void readerThreadNeverFailsWhileWriterThreadRecords()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("threads.db")).toStdString();
        auto writer = Store::open(path);
        QVERIFY(writer.ok());
        const RowId runId = createSampleRun(*writer);
        QVERIFY(runId > 0);
        constexpr int kCalls = 300;
        std::atomic<bool> writing { true };
        std::atomic<int> readErrors { 0 };
        std::atomic<int> reads { 0 };
        std::size_t lastSeen = 0;
        bool monotonic = true;
        std::thread reader([&] {
            auto store = Store::open(path); // its own connection, as the GUI has
            if (!store) {
                ++readErrors;
                return;
            }
            do {
                auto run = store->run(runId);
                if (!run) {
                    ++readErrors;
                    continue;
                }
                monotonic = monotonic && run->doneCalls >= lastSeen;
                lastSeen = run->doneCalls;
                ++reads;
            } while (writing.load());
        });
        bool allWritten = true;
        for (int i = 0; i < kCalls; ++i)
            allWritten = writer->recordCall(sampleCall(runId, i, "reason")).ok() && allWritten;
        writing = false;
        reader.join();
        QVERIFY(allWritten);
        QCOMPARE(readErrors.load(), 0);
        QVERIFY(reads.load() > 0);
        QVERIFY(monotonic); // a reader sees commits in order, never a partial state
        QVERIFY(lastSeen <= std::size_t(kCalls));
    }

    void recordedCallSurvivesDestructionWithoutClose()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("crash.db")).toStdString();
        RowId runId = 0;
        {
            auto store = Store::open(path);
            QVERIFY(store.ok());
            runId = createSampleRun(*store);
            QVERIFY(runId > 0);
            QVERIFY(store->recordCall(sampleCall(runId, 0, "reason")).ok());
            // no explicit close, no status update: the Store is simply destroyed
        }
        auto reopened = Store::open(path);
        QVERIFY(reopened.ok());
        auto keys = reopened->finishedCallKeys(runId);
        QVERIFY(keys.ok());
        QCOMPARE(keys->size(), std::size_t(1));
        QCOMPARE(keys->begin()->step, std::string("reason"));
    }

    void recordedCallSurvivesProcessDeath()
    {
#ifdef Q_OS_UNIX
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("killed.db")).toStdString();
        RowId runId = 0;
        {
            auto store = Store::open(path);
            QVERIFY(store.ok());
            runId = createSampleRun(*store);
            QVERIFY(runId > 0);
        }
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // The child records a call and dies at once: no destructors, no close, no checkpoint.
            auto store = Store::open(path);
            const bool ok = store.ok() && store->recordCall(sampleCall(runId, 3, "extract")).ok();
            _exit(ok ? 0 : 1);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        auto reopened = Store::open(path);
        QVERIFY(reopened.ok());
        auto calls = reopened->loadCalls(runId, 3);
        QVERIFY(calls.ok());
        QCOMPARE(calls->size(), std::size_t(1));
        QCOMPARE(calls->front().step, std::string("extract"));
#else
        QSKIP("needs fork()");
#endif
    }

    void sharedDatasetRoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("gsm8k test") << "gsm8k/test.jsonl";
        QTest::newRow("i3c gsm8k") << "i3c-preprocessed/test_data/GSM8K.json";
        QTest::newRow("aqua test") << "aqua/test.json";
    }
    void sharedDatasetRoundTrip()
    {
        WB_REQUIRE_SHARED_DATASETS();
        QFETCH(QString, file);
        const std::string path = wb::test::sharedPath(file.toUtf8().constData());
        auto loaded = wb::dataset::loadDataset(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto store = Store::open(dir.filePath(QStringLiteral("real.db")).toStdString());
        QVERIFY(store.ok());

        QElapsedTimer timer;
        timer.start();
        auto imported = store->importDatasetStreaming(
            [&](const wb::dataset::ProblemSink& sink) { return wb::dataset::streamDataset(path, {}, sink); });
        const qint64 importMs = timer.restart();
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().toString().c_str());
        auto back = store->loadProblems(imported->datasetId);
        const qint64 loadMs = timer.elapsed();
        QVERIFY(back.ok());
        qInfo("%s: %zu problems, streaming import %lld ms, load %lld ms", qPrintable(file), back->size(), importMs,
            loadMs);
        QCOMPARE(back->size(), loaded->problems.size());
        for (std::size_t i = 0; i < back->size(); ++i)
            compareProblems((*back)[i], loaded->problems[i]);
        auto again = store->importDataset(loaded->info, loaded->problems);
        QVERIFY(again.ok());
        QVERIFY(again->alreadyPresent);
        QCOMPARE(store->dataset(imported->datasetId)->contentHash, loaded->info.contentHash);
    }

    void recordCallThroughput()
    {
        // Not timed as a pass/fail criterion: prints calls/s so regressions are visible in the log.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto store = Store::open(dir.filePath(QStringLiteral("speed.db")).toStdString());
        QVERIFY(store.ok());
        const RowId runId = createSampleRun(*store);
        QVERIFY(runId > 0);
        constexpr int kCalls = 2000;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kCalls; ++i)
            QVERIFY(store->recordCall(sampleCall(runId, i / 4, "verify:" + std::to_string(i % 4))).ok());
        const qint64 ms = std::max<qint64>(1, timer.elapsed());
        qInfo("recordCall: %d committed calls in %lld ms (%lld calls/s)", kCalls, ms, kCalls * 1000 / ms);
        QCOMPARE(store->finishedCallKeys(runId)->size(), std::size_t(kCalls));
    }

    void responseCache()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("cache.db")).toStdString();
        {
            auto cache = SqliteResponseCache::open(path);
            QVERIFY(cache.ok());
            wb::llm::ResponseCache& iface = **cache;
            QVERIFY(!iface.get("k1").has_value());
            iface.put("k1", R"({"choices":[]})");
            iface.put("k1", R"({"choices":[1]})");
            QCOMPARE(iface.get("k1"), std::optional<std::string>(R"({"choices":[1]})"));
            QVERIFY(!(*cache)->lastError().has_value());
        }
        auto store = Store::open(path);
        QVERIFY(store.ok());
        auto hit = store->cacheGet("k1");
        QVERIFY(hit.ok());
        QCOMPARE(*hit, std::optional<std::string>(R"({"choices":[1]})"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
