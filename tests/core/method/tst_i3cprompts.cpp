// SPDX-License-Identifier: Apache-2.0
// Checks C8, C9 and C11 of i3c-method.md §12 against the shipped I3C-Select method.
#include "core/method/demos.h"
#include "core/method/methodjson.h"
#include "core/method/render.h"
#include "support/testpaths.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <fstream>
#include <set>

using namespace wb::method;

namespace {

// Golden prompts: the layouts of i3c-method.md §4, §5.2, §5.3 and §5.4 (the reference's Python f-strings with
// their 32/28 and 16/14-space indentation, "\n" framing and trailing spaces), written out for a fixed problem.
const std::string kVerify2 = "Q: A pet store had 13 siamese cats and 5 house cats. During a sale they sold 10 cats. "
                             "How many cats do they have left ? Is condition \"During a sale they sold 10 cats.\" "
                             "relevant to the process of solving problem \"How many cats do they have left ?\"\n"
                             "A: Let's think step by step.";
const std::string kReason
    = "\n"
      "                                The instructions are as follows: First verification.\n"
      "It is relevant.\n"
      "Second verification: not relevant.\n"
      "\n"
      "                                Let's consider these instructions and ignore the irrelevant conditions to solve "
      "the problem.\n"
      "\n"
      "                                Q: Tom has 3 apples and buys 2 more. How many apples does he have?\n"
      "A: Tom starts with 3 apples.\n"
      "He buys 2 more, so 3 + 2 = 5.\n"
      "Q: A box holds 4 pens. How many pens are in 2 boxes?\n"
      "A: Each box holds 4 pens, so 2 boxes hold 8 pens.\n"
      "\n"
      "                                Q: A pet store had 13 siamese cats and 5 house cats. During a sale they sold 10 "
      "cats. How many cats do they have left?\n"
      "\n"
      "                                A: Let's think step by step.\n"
      "                            ";
const std::string kFallback
    = "\n"
      "                                Feel free to ignore irrelevant information given in the questions.\n"
      "\n"
      "                                Q: Tom has 3 apples and buys 2 more. How many apples does he have?\n"
      "A: Tom starts with 3 apples.\n"
      "He buys 2 more, so 3 + 2 = 5.\n"
      "Q: A box holds 4 pens. How many pens are in 2 boxes?\n"
      "A: Each box holds 4 pens, so 2 boxes hold 8 pens.\n"
      "\n"
      "                                Q: A pet store had 13 siamese cats and 5 house cats. During a sale they sold 10 "
      "cats. How many cats do they have left?\n"
      "\n"
      "                                A: Let's think step by step.\n"
      "                            ";
const std::string kExtract
    = "\n"
      "                Q: A pet store had 13 siamese cats and 5 house cats. During a sale they sold 10 cats. How many "
      "cats do they have left? \n"
      "                A: There were 13 + 5 = 18 cats.\n"
      "18 - 10 = 8. \n"
      "                Therefore, the answer (expressed in Arabic numerals and without units) is:\n"
      "              ";

wb::dataset::Problem petStore()
{
    wb::dataset::Problem p;
    p.id = "pet-store";
    p.text = "A pet store had 13 siamese cats and 5 house cats. During a sale they sold 10 cats. How many cats do they "
             "have left?";
    p.conditions = { "A pet store had 13 siamese cats,", "and 5 house cats.", "During a sale they sold 10 cats." };
    p.question = "How many cats do they have left?";
    return p;
}

std::vector<DemoItem> twoDemos()
{
    return { { "Tom has 3 apples and buys 2 more. How many apples does he have?",
                 "Tom starts with 3 apples.\nHe buys 2 more, so 3 + 2 = 5.", "5", std::nullopt },
        { "A box holds 4 pens. How many pens are in 2 boxes?", "Each box holds 4 pens, so 2 boxes hold 8 pens.", "8",
            std::nullopt } };
}

Method i3cSelect()
{
    auto m = loadMethodFile(wb::test::sourceDir().toStdString() + "/resources/methods/i3c-select.json");
    if (!m)
        qFatal("%s", m.error().toString().c_str());
    return m.value();
}

nlohmann::json readJson(const std::string& path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

} // namespace

class TestI3cPrompts final : public QObject {
    Q_OBJECT
private slots:
    void goldenLiteralsHaveTheSpecIndentation()
    {
        // Guards the literals themselves: five 32-space lines, the 28-space tail, three 16-space lines.
        QCOMPARE(kReason.substr(kReason.size() - 29), "\n" + std::string(28, ' '));
        QVERIFY(kReason.find("\n" + std::string(32, ' ') + "The instructions") == 0);
        QCOMPARE(kExtract.substr(kExtract.size() - 15), "\n" + std::string(14, ' '));
        QVERIFY(kExtract.find(" \n" + std::string(16, ' ') + "Therefore") != std::string::npos);
    }

    void verificationPrompt()
    {
        const Method m = i3cSelect();
        const auto p = petStore();
        const std::vector<int> candidates { 2, 0 };
        const std::map<std::string, std::string> outputs;
        const std::vector<DemoItem> demos;
        const RenderInput in { p, candidates, outputs, demos };
        QCOMPARE(planKeys(m, candidates), (std::vector<std::string> { "verify:0", "verify:2", "reason", "extract" }));
        auto r = renderCall(m, "verify:2", in);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(r->messages.size(), std::size_t(1));
        QCOMPARE(r->messages[0].role, std::string("user"));
        QCOMPARE(r->messages[0].content, kVerify2);
        QCOMPARE(*r->decoding.temperature, 0.7);
        QCOMPARE(*r->decoding.maxTokens, 512);
        QVERIFY(!r->decoding.topP && r->decoding.stop.empty() && !r->decoding.seed);
    }

    void reasoningPrompt()
    {
        const Method m = i3cSelect();
        const auto p = petStore();
        const std::vector<int> candidates { 0, 2 };
        const std::map<std::string, std::string> outputs { { "verify:0", "First verification.\nIt is relevant." },
            { "verify:2", "Second verification: not relevant." } };
        const auto demos = twoDemos();
        auto r = renderCall(m, "reason", RenderInput { p, candidates, outputs, demos });
        QVERIFY(r.ok());
        QCOMPARE(r->messages[0].content, kReason);
        QCOMPARE(*r->decoding.temperature, 0.1);
        QCOMPARE(*r->decoding.maxTokens, 1024);
    }

    void fallbackPrompt()
    {
        const Method m = i3cSelect();
        const auto p = petStore();
        const std::vector<int> none;
        const std::map<std::string, std::string> outputs;
        const auto demos = twoDemos();
        QCOMPARE(planKeys(m, none), (std::vector<std::string> { "reason", "extract" }));
        auto r = renderCall(m, "reason", RenderInput { p, none, outputs, demos });
        QVERIFY(r.ok());
        QCOMPARE(r->messages[0].content, kFallback);
    }

    void extractionPrompt()
    {
        const Method m = i3cSelect();
        const auto p = petStore();
        const std::vector<int> none;
        const std::map<std::string, std::string> outputs { { "reason", "There were 13 + 5 = 18 cats.\n18 - 10 = 8." },
            { "extract", " 8." } };
        const std::vector<DemoItem> demos;
        const RenderInput in { p, none, outputs, demos };
        auto r = renderCall(m, "extract", in);
        QVERIFY(r.ok());
        QCOMPARE(r->messages[0].content, kExtract);
        QCOMPARE(*r->decoding.temperature, 0.1);
        QCOMPARE(*r->decoding.maxTokens, 1024);
        const auto answer = extractAnswerFromOutputs(m, in);
        QVERIFY(answer.found);
        QCOMPARE(*answer.number, 8.0);
        QCOMPARE(answer.extractor, std::string("i3c-postprocess"));
    }

    void onlyEightDemosAreUsed()
    {
        const Method m = i3cSelect();
        const auto p = petStore();
        std::vector<DemoItem> demos;
        for (int i = 0; i < 10; ++i)
            demos.push_back({ "q" + std::to_string(i), "r" + std::to_string(i), "", std::nullopt });
        const std::vector<int> none;
        const std::map<std::string, std::string> outputs;
        auto r = renderCall(m, "reason", RenderInput { p, none, outputs, demos });
        QVERIFY(r.ok());
        QVERIFY(r->messages[0].content.find("Q: q7\nA: r7\n\n") != std::string::npos);
        QVERIFY(r->messages[0].content.find("q8") == std::string::npos);
    }

    void callCounts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("verifications");
        QTest::addColumn<int>("fallbacks");
        QTest::newRow("AddSub") << "AddSub" << 584 << 111;
        QTest::newRow("GSM8K") << "GSM8K" << 2443 << 298;
        QTest::newRow("MultiArith") << "MultiArith" << 845 << 122;
        QTest::newRow("SVAMP") << "SVAMP" << 1680 << 238;
        QTest::newRow("SingleEq") << "SingleEq" << 551 << 200;
        QTest::newRow("SingleOp") << "SingleOp" << 759 << 151;
    }
    void callCounts()
    {
        WB_REQUIRE_SHARED_DATASETS();
        QFETCH(QString, file);
        QFETCH(int, verifications);
        QFETCH(int, fallbacks);
        const Method m = i3cSelect();
        const auto data
            = readJson(wb::test::sharedPath(("i3c-preprocessed/test_data/" + file + ".json").toUtf8().constData()));
        int verifyCalls = 0;
        int fallbackProblems = 0;
        std::size_t index = 0;
        for (const auto& rec : data) {
            wb::dataset::Problem p;
            p.id = std::to_string(++index);
            p.text = rec.at("original_question").get<std::string>();
            p.conditions = rec.at("condition_sentences").get<std::vector<std::string>>();
            p.question = rec.at("question_sentence").get<std::string>();
            const auto candidates = rec.at("cand_ic_idx").get<std::vector<int>>();
            const auto keys = planKeys(m, candidates);
            const auto verifies = std::count_if(
                keys.begin(), keys.end(), [](const std::string& k) { return k.rfind("verify:", 0) == 0; });
            verifyCalls += static_cast<int>(verifies);
            QCOMPARE(keys.size(), static_cast<std::size_t>(verifies) + 2);
            // Every planned call renders, and the reasoning prompt takes the fallback exactly when nothing is verified.
            std::map<std::string, std::string> outputs;
            for (const auto& k : keys) {
                if (k.rfind("verify:", 0) == 0)
                    outputs[k] = "verdict";
            }
            const std::vector<DemoItem> demos;
            const RenderInput in { p, candidates, outputs, demos };
            for (const auto& k : keys)
                QVERIFY2(renderCall(m, k, in).ok(), k.c_str());
            const std::string reasoning = renderCall(m, "reason", in)->messages[0].content;
            const bool fallback = reasoning.find("Feel free to ignore irrelevant information") != std::string::npos;
            QCOMPARE(fallback, verifies == 0);
            fallbackProblems += fallback ? 1 : 0;
        }
        QCOMPARE(verifyCalls, verifications);
        QCOMPARE(fallbackProblems, fallbacks);
    }

    void demonstrationsFile()
    {
        WB_REQUIRE_SHARED_DATASETS();
        auto set = loadDemoSetFile(wb::test::sharedPath("i3c-preprocessed/demonstrations/GSM8K.json"));
        QVERIFY2(set.ok(), set.ok() ? "" : set.error().toString().c_str());
        QCOMPARE(set->items.size(), std::size_t(8));
        QCOMPARE(set->name, std::string("GSM8K"));
        for (std::size_t i = 0; i < set->items.size(); ++i) {
            QVERIFY(set->items[i].score.has_value());
            QVERIFY(!set->items[i].reasoning.empty());
            if (i > 0)
                QVERIFY(*set->items[i - 1].score < *set->items[i].score);
        }
        QCOMPARE(*set->items.front().score, 0.027278185);
        QCOMPARE(*set->items.back().score, 0.09129719);

        std::set<std::string> testQuestions;
        for (const auto& rec : readJson(wb::test::sharedPath("i3c-preprocessed/test_data/GSM8K.json")))
            testQuestions.insert(rec.at("original_question").get<std::string>());
        QCOMPARE(testQuestions.size(), std::size_t(1319));
        for (const auto& item : set->items)
            QVERIFY2(!testQuestions.count(item.question), item.question.c_str());

        // Export and import again: the same items.
        auto back = demoSetFromJson(demoSetToJson(set.value()), "roundtrip");
        QVERIFY(back.ok());
        QCOMPARE(back->items.size(), std::size_t(8));
        QCOMPARE(back->items[3].reasoning, set->items[3].reasoning);
        QCOMPARE(*back->items[3].score, *set->items[3].score);
    }
};

QTEST_GUILESS_MAIN(TestI3cPrompts)
#include "tst_i3cprompts.moc"
