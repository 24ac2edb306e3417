// SPDX-License-Identifier: Apache-2.0
#include "support/cli.h"
#include "support/testpaths.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

namespace {

using wb::test::runCli;

std::string demoDataset()
{
    return (wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl")).toStdString();
}

} // namespace

class TestInspectCli final : public QObject {
    Q_OBJECT
private slots:
    void jsonHasOneObjectPerProblemWithTheDocumentedFields()
    {
        const auto result = runCli({ "inspect", demoDataset(), "--json", "--limit", "5" });
        QCOMPARE(result.status, 0);
        std::istringstream lines(result.out);
        std::string line;
        int count = 0;
        while (std::getline(lines, line)) {
            const auto json = nlohmann::json::parse(line);
            for (const char* field :
                { "index", "id", "conditions", "question", "gold_answer", "sq", "sc", "candidates", "gold_irrelevant" })
                QVERIFY2(json.contains(field), field);
            QCOMPARE(json["index"].get<int>(), count);
            QCOMPARE(json["sq"].size(), json["conditions"].size());
            QCOMPARE(json["sc"].size(), json["conditions"].size());
            for (const auto& candidate : json["candidates"])
                QVERIFY(candidate.get<std::size_t>() < json["conditions"].size());
            ++count;
        }
        QCOMPARE(count, 5);
    }

    void indexSelectsOneProblem()
    {
        const auto result = runCli({ "inspect", demoDataset(), "--json", "--index", "3" });
        QCOMPARE(result.status, 0);
        const auto json = nlohmann::json::parse(result.out);
        QCOMPARE(json["index"].get<int>(), 3);
    }

    void textOutputMarksCandidatesAndGold()
    {
        const auto result = runCli({ "inspect", demoDataset(), "--theta", "0.99" });
        QCOMPARE(result.status, 0);
        // theta 0.99 makes every digit-bearing condition a candidate; the demo set marks gold irrelevant ones.
        QVERIFY(result.out.find("CAND") != std::string::npos);
        QVERIFY(result.out.find("GOLD-IRR") != std::string::npos);
        QVERIFY(result.out.find("s(q)") != std::string::npos);
    }

    void thetaChangesCandidates()
    {
        const auto low = runCli({ "inspect", demoDataset(), "--summary", "--json", "--theta", "-1" });
        const auto high = runCli({ "inspect", demoDataset(), "--summary", "--json", "--theta", "1.01" });
        QCOMPARE(low.status, 0);
        QCOMPARE(high.status, 0);
        const auto lowJson = nlohmann::json::parse(low.out);
        const auto highJson = nlohmann::json::parse(high.out);
        QCOMPARE(lowJson["mean_candidates"].get<double>(), 0.0);
        QVERIFY(highJson["mean_candidates"].get<double>() > 1.0);
    }

    void summaryOnGsmIcReportsTheDocumentedFigures()
    {
        WB_REQUIRE_SHARED_DATASETS();
        const auto result
            = runCli({ "inspect", wb::test::sharedPath("gsm-ic-1k/GSM-IC2.json"), "--summary", "--json" });
        QCOMPARE(result.status, 0);
        const auto json = nlohmann::json::parse(result.out);
        QCOMPARE(json["problems"].get<int>(), 1000);
        QVERIFY(json["least_relevant_is_gold_rate"].get<double>() >= 0.80);
        QVERIFY(json.contains("gold_recall"));
        QVERIFY(json.contains("mean_candidates"));
    }

    void badInputExitsWithStatusTwoNamingFileAndLine()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/bad.jsonl")).toStdString();
        std::ofstream(path) << "{\"question\": \"Tom has 3 apples. How many?\", \"answer\": \"3\"}\n{\"question\": \n";
        const auto result = runCli({ "inspect", path, "--strict" });
        QCOMPARE(result.status, 2);
        QVERIFY2(result.err.find("bad.jsonl:2") != std::string::npos, result.err.c_str());
    }

    void missingFileAndUnknownOptionAreUsageErrors()
    {
        QCOMPARE(runCli({ "inspect", "/nonexistent/file.jsonl" }).status, 2);
        QCOMPARE(runCli({ "inspect", demoDataset(), "--bogus" }).status, 2);
        QCOMPARE(runCli({ "inspect", demoDataset(), "--limit", "x" }).status, 2);
        QCOMPARE(runCli({ "inspect", demoDataset(), "--encoder", "http://127.0.0.1:1/v1" }).status, 2);
        QCOMPARE(runCli({ "nosuchcommand" }).status, 2);
    }

    void importStoresTheDatasetOnce()
    {
        QTemporaryDir dir;
        const std::string db = (dir.path() + QStringLiteral("/wb.db")).toStdString();
        const auto first = runCli({ "import", demoDataset(), "--db", db, "--json" });
        QCOMPARE(first.status, 0);
        const auto firstJson = nlohmann::json::parse(first.out);
        QVERIFY(firstJson["problems"].get<int>() >= 30);
        QCOMPARE(firstJson["already_present"].get<bool>(), false);
        const auto second = runCli({ "import", demoDataset(), "--db", db, "--json" });
        QCOMPARE(second.status, 0);
        const auto secondJson = nlohmann::json::parse(second.out);
        QCOMPARE(secondJson["dataset_id"], firstJson["dataset_id"]);
        QCOMPARE(secondJson["already_present"].get<bool>(), true);
    }
};

QTEST_GUILESS_MAIN(TestInspectCli)
#include "tst_inspectcli.moc"
