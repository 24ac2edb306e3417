// SPDX-License-Identifier: Apache-2.0
#include "core/method/methodjson.h"
#include "core/common/text.h"
#include "core/method/methodlibrary.h"
#include "core/method/render.h"
#include "support/testpaths.h"

#include <nlohmann/json.hpp>

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace wb::method;
using nlohmann::json;

namespace {

std::string methodsDir() { return wb::test::sourceDir().toStdString() + "/resources/methods"; }

json minimalMethod()
{
    return json::parse(
        "{\n"
        "        \"id\": \"m\", \"name\": \"M\",\n"
        "        \"steps\": [\n"
        "            {\"id\": \"reason\", \"kind\": \"reason\", \"messages\": [{\"role\": \"user\", \"template\": \"Q: "
        "{{problem}}\"}], \"output\": \"reasoning\"},\n"
        "            {\"id\": \"extract\", \"kind\": \"extract\", \"answer\": {\"extractors\": [\"last-number\"]}}\n"
        "        ]}");
}

/// Writes `method` as `dir`/`file`.
void writeMethod(const QString& dir, const char* file, const json& method)
{
    std::ofstream(QString(dir + QLatin1Char('/') + QLatin1String(file)).toStdString()) << method.dump(2);
}

json numberedMethod(const char* id, std::optional<int> order)
{
    json j = minimalMethod();
    j["id"] = id;
    if (order)
        j["order"] = *order;
    return j;
}

QString canonical(const std::string& path) { return QFileInfo(QString::fromStdString(path)).canonicalFilePath(); }

} // namespace

class TestMethodFile final : public QObject {
    Q_OBJECT
private slots:
    void builtinsLoadInTableOrder()
    {
        auto methods = loadBuiltinMethods(methodsDir());
        QVERIFY2(methods.ok(), methods.ok() ? "" : methods.error().toString().c_str());
        std::vector<std::string> ids;
        for (const Method& m : methods.value()) {
            ids.push_back(m.id);
            QVERIFY2(m.order.has_value(), m.id.c_str()); // every shipped file states its place in the list
            QVERIFY2(validateMethod(m).empty(), m.id.c_str());
            QCOMPARE(m.family == Family::I3c, m.usesCandidates());
            // Runs store the canonical text; it must parse back to the same method.
            auto again = parseMethod(canonicalMethodJson(m), "stored " + m.id);
            QVERIFY2(again.ok(), again.ok() ? "" : again.error().toString().c_str());
            QCOMPARE(methodSha256(again.value()), methodSha256(m));
        }
        const std::vector<std::string> expected { "direct", "direct+i3c", "zero-shot-cot", "zero-shot-cot+i3c",
            "plan-and-solve", "plan-and-solve+i3c", "instruct-cot", "instruct-cot+i3c", "few-shot-cot",
            "few-shot-cot+i3c", "auto-cot", "auto-cot+i3c", "complex-cot", "complex-cot+i3c", "i3c-select",
            "zero-shot-cot-base", "zero-shot-cot+i3c-base" };
        QCOMPARE(ids, expected);
    }

    void defaultDirIsTheSourceResources()
    {
        // A test binary runs from the build tree, whose data folder links to the source resources.
        const auto dir = defaultMethodsDir();
        QVERIFY2(dir.ok(), dir.ok() ? "" : dir.error().toString().c_str());
        QCOMPARE(canonical(*dir), canonical(methodsDir()));
    }

    void libraryListsByOrderThenFileName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeMethod(dir.path(), "z.json", numberedMethod("zeta", 1));
        writeMethod(dir.path(), "a.json", numberedMethod("alpha", 20));
        writeMethod(dir.path(), "b.json", numberedMethod("unnumbered-b", std::nullopt));
        writeMethod(dir.path(), "a2.json", numberedMethod("unnumbered-a2", std::nullopt));
        auto methods = loadMethodsFromDir(dir.path().toStdString());
        QVERIFY2(methods.ok(), methods.ok() ? "" : methods.error().toString().c_str());
        std::vector<std::string> ids;
        for (const Method& m : *methods)
            ids.push_back(m.id);
        QCOMPARE(ids, (std::vector<std::string> { "zeta", "alpha", "unnumbered-a2", "unnumbered-b" }));
    }

    void sharedOrderIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeMethod(dir.path(), "x.json", numberedMethod("x", 5));
        writeMethod(dir.path(), "y.json", numberedMethod("y", 5));
        auto methods = loadMethodsFromDir(dir.path().toStdString());
        QVERIFY(!methods.ok());
        QCOMPARE(methods.error().field, std::string("order"));
        QCOMPARE(QString::fromStdString(methods.error().location), dir.path() + QStringLiteral("/y.json: order"));
        QVERIFY2(methods.error().message.find("x.json") != std::string::npos, methods.error().message.c_str());
    }

    void orderIsNotPartOfTheCanonicalForm()
    {
        auto direct = loadMethodFile(methodsDir() + "/direct.json");
        QVERIFY(direct.ok());
        QCOMPARE(direct->order, std::optional<int>(10));
        Method moved = *direct;
        moved.order = 99;
        QCOMPARE(methodSha256(moved), methodSha256(*direct));
        QVERIFY(canonicalMethodJson(moved).find("order") == std::string::npos);
        // Writing the file keeps it.
        auto again = methodFromJson(methodToJson(moved), "saved.json");
        QVERIFY(again.ok());
        QCOMPARE(again->order, std::optional<int>(99));
    }

    void baselinePlansAndRuleExtraction()
    {
        auto direct = loadMethodFile(methodsDir() + "/direct.json");
        QVERIFY(direct.ok());
        wb::dataset::Problem p;
        p.text = "Tom has 3 apples and gets 2 more. How many apples?";
        const std::vector<int> candidates { 0 };
        QCOMPARE(
            planKeys(direct.value(), candidates), std::vector<std::string> { "reason" }); // no verify in a baseline
        const std::map<std::string, std::string> outputs { { "reason", " 5. Tom had 3 and got 2." } };
        const std::vector<DemoItem> demos;
        const RenderInput in { p, candidates, outputs, demos };
        auto r = renderCall(direct.value(), "reason", in);
        QVERIFY(r.ok());
        QCOMPARE(r->messages[0].content,
            std::string("Q: Tom has 3 apples and gets 2 more. How many apples?\nA: The answer is"));
        const auto answer = extractAnswerFromOutputs(direct.value(), in);
        QVERIFY(answer.found);
        QCOMPARE(*answer.number, 5.0);
        QVERIFY(!renderCall(direct.value(), "verify:0", in).ok());
    }

    void baseModelStepsRenderOnePromptString()
    {
        auto base = loadMethodFile(methodsDir() + "/zero-shot-cot+i3c-base.json");
        QVERIFY2(base.ok(), base.ok() ? "" : base.error().toString().c_str());
        auto chat = loadMethodFile(methodsDir() + "/zero-shot-cot+i3c.json");
        QVERIFY(chat.ok());
        wb::dataset::Problem p;
        p.text = "Tom has 3 apples. Ann is 9. How many apples does Tom have?";
        p.question = "How many apples does Tom have?";
        p.conditions = { "Tom has 3 apples.", "Ann is 9." };
        const std::vector<int> candidates { 1 };
        const std::map<std::string, std::string> outputs { { "verify:1", " No." }, { "reason", " 3." } };
        const std::vector<DemoItem> demos;
        const RenderInput in { p, candidates, outputs, demos };
        for (const char* key : { "verify:1", "reason", "extract" }) {
            auto rendered = renderCall(base.value(), key, in);
            auto reference = renderCall(chat.value(), key, in);
            QVERIFY(rendered.ok() && reference.ok());
            const auto request = toChatRequest(*rendered);
            // The base-model variant sends the chat variant's user message, byte for byte, as its prompt.
            QVERIFY(request.prompt.has_value());
            QVERIFY(request.messages.empty());
            QCOMPARE(*request.prompt, reference->messages.front().content);
            QVERIFY(!toChatRequest(*reference).prompt.has_value());
        }
        // The endpoint is part of the canonical form, so the two methods never share a hash.
        QVERIFY(canonicalMethodJson(base.value()).find("\"endpoint\"") != std::string::npos);
        QVERIFY(canonicalMethodJson(chat.value()).find("endpoint") == std::string::npos);
    }

    void plusI3cPrependsTheInstruction()
    {
        auto m = loadMethodFile(methodsDir() + "/zero-shot-cot+i3c.json");
        QVERIFY(m.ok());
        wb::dataset::Problem p;
        p.text = "A has 2. B has 3. How many?";
        p.conditions = { "A has 2.", "B has 3." };
        p.question = "How many?";
        const std::vector<int> candidates { 1 };
        QCOMPARE(planKeys(m.value(), candidates), (std::vector<std::string> { "verify:1", "reason", "extract" }));
        const std::map<std::string, std::string> outputs { { "verify:1", "B is relevant." },
            { "reason", "2 + 3 = 5" } };
        const std::vector<DemoItem> demos;
        const RenderInput in { p, candidates, outputs, demos };
        QCOMPARE(renderCall(m.value(), "reason", in)->messages[0].content,
            std::string(
                "The instructions are as follows: B is relevant.\nLet's consider these instructions and ignore the "
                "irrelevant conditions to solve the problem.\n\nQ: A has 2. B has 3. How many?\nA: Let's think step by "
                "step."));
        QCOMPARE(renderCall(m.value(), "extract", in)->messages[0].content,
            std::string("Q: A has 2. B has 3. How many?\nA: Let's think step by step. 2 + 3 = 5\nTherefore, the answer "
                        "(arabic numerals) is"));
        p.choices = { "A)5", "B) 6" };
        QCOMPARE(renderCall(m.value(), "extract", in)->messages[0].content,
            std::string(
                "Q: A has 2. B has 3. How many? Answer Choices: (A) 5 (B) 6\nA: Let's think step by step. 2 + 3 = 5\n"
                "Therefore, among A through E, the answer is"));
    }

    void manualCotRendersItsFixedSet()
    {
        auto m = loadMethodFile(methodsDir() + "/few-shot-cot.json");
        QVERIFY(m.ok());
        QCOMPARE(m->demos.source, DemoSource::Fixed);
        auto set = loadDemoSetFile(demoSetPath(methodsDir(), m->demos.set));
        QVERIFY2(set.ok(), set.ok() ? "" : set.error().toString().c_str());
        QCOMPARE(set->items.size(), std::size_t(8));
        wb::dataset::Problem p;
        p.text = "How many?";
        const std::vector<int> none;
        const std::map<std::string, std::string> outputs { { "reason", "3 + 4 = 7. The answer is 7." } };
        const RenderInput in { p, none, outputs, set->items };
        const std::string prompt = renderCall(m.value(), "reason", in)->messages[0].content;
        QVERIFY(prompt.rfind("Q: There are 15 trees in the grove.", 0) == 0);
        QVERIFY(prompt.find("The answer is 6.\n\nQ: If there are 3 cars") != std::string::npos);
        QVERIFY(wb::text::endsWith(prompt, "The answer is 8.\n\nQ: How many?\nA:"));
        QCOMPARE(*extractAnswerFromOutputs(m.value(), in).number, 7.0);
    }

    void everyBuiltinRendersEveryCall()
    {
        auto methods = loadBuiltinMethods(methodsDir());
        QVERIFY(methods.ok());
        wb::dataset::Problem p;
        p.text = "A has 2. B has 3. How many?";
        p.conditions = { "A has 2.", "B has 3." };
        p.question = "How many?";
        const std::vector<DemoItem> demos { { "q", "r", "a", std::nullopt } };
        for (const bool multipleChoice : { false, true }) {
            p.choices = multipleChoice ? std::vector<std::string> { "A)5", "B)6" } : std::vector<std::string> {};
            for (const Method& m : methods.value()) {
                const std::vector<int> candidates { 0, 1 };
                std::map<std::string, std::string> outputs;
                for (const std::string& key : planKeys(m, candidates)) {
                    auto r = renderCall(m, key, RenderInput { p, candidates, outputs, demos });
                    QVERIFY2(r.ok(), (m.id + " " + key).c_str());
                    QVERIFY(!r->messages.empty() && !r->messages[0].content.empty());
                    QVERIFY2(r->messages[0].content.find("{{") == std::string::npos, (m.id + " " + key).c_str());
                    QVERIFY(r->decoding.temperature.has_value() && r->decoding.maxTokens.has_value());
                    outputs[key] = multipleChoice ? "(B)" : "5";
                }
                const auto answer = extractAnswerFromOutputs(m, RenderInput { p, candidates, outputs, demos });
                QVERIFY2(answer.found, m.id.c_str());
                QCOMPARE(answer.choice, std::string(multipleChoice ? "B" : ""));
            }
        }
    }

    void outOfRangeCandidateIsAnError()
    {
        auto m = loadMethodFile(methodsDir() + "/i3c-select.json");
        QVERIFY(m.ok());
        wb::dataset::Problem p;
        p.id = "7";
        p.conditions = { "only one" };
        const std::vector<int> candidates { 3 };
        const std::map<std::string, std::string> outputs;
        const std::vector<DemoItem> demos;
        auto r = renderCall(m.value(), "verify:3", RenderInput { p, candidates, outputs, demos });
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error().location).contains("problem 7"));
    }

    void hashIsCanonical()
    {
        auto a = loadMethodFile(methodsDir() + "/i3c-select.json");
        QVERIFY(a.ok());
        // The same method written compactly and with its keys reordered hashes the same.
        const json j = methodToJson(a.value());
        auto b = parseMethod(j.dump(), "compact.json");
        QVERIFY2(b.ok(), b.ok() ? "" : b.error().toString().c_str());
        QCOMPARE(methodSha256(b.value()), methodSha256(a.value()));
        QCOMPARE(methodSha256(a.value()).size(), std::size_t(64));
        Method changed = a.value();
        changed.steps[1].decoding.temperature = 0.2;
        QVERIFY(methodSha256(changed) != methodSha256(a.value()));
        changed = a.value();
        changed.steps[1].messages[0].text += " ";
        QVERIFY(methodSha256(changed) != methodSha256(a.value()));
    }

    void errorsNameFileAndField_data()
    {
        QTest::addColumn<QString>("patch"); // JSON merge patch applied to the minimal method
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad family") << "{\"family\": \"other\"}"
                                    << "f.json: family"
                                    << "must be baseline or +I3C";
        QTest::newRow("unknown key") << "{\"colour\": 1}"
                                     << "f.json: colour"
                                     << "unknown key";
        QTest::newRow("missing name") << "{\"name\": null}"
                                      << "f.json: name"
                                      << "is required";
        QTest::newRow("fixed demos without set") << "{\"demos\": {\"source\": \"fixed\"}}"
                                                 << "f.json: demos.set"
                                                 << "set name";
        QTest::newRow("bad demo source") << "{\"demos\": {\"source\": \"random\"}}"
                                         << "f.json: demos.source"
                                         << "must be none";
        QTest::newRow("selection without k") << "{\"demos\": {\"source\": \"i3c-select\"}}"
                                             << "f.json: demos.k"
                                             << "k > 0";
        QTest::newRow("order zero") << "{\"order\": 0}"
                                    << "f.json: order"
                                    << "must be a positive integer";
        QTest::newRow("order not a number") << "{\"order\": \"first\"}"
                                            << "f.json: order"
                                            << "must be an integer";
    }
    void errorsNameFileAndField()
    {
        QFETCH(QString, patch);
        QFETCH(QString, location);
        QFETCH(QString, message);
        json j = minimalMethod();
        j.merge_patch(json::parse(patch.toStdString()));
        auto m = methodFromJson(j, "f.json");
        QVERIFY(!m.ok());
        QCOMPARE(QString::fromStdString(m.error().location), location);
        QCOMPARE(QString::fromStdString("f.json: " + m.error().field), location);
        QVERIFY2(QString::fromStdString(m.error().message).contains(message), m.error().message.c_str());
    }

    void stepErrors_data()
    {
        QTest::addColumn<QString>("pointer"); // JSON pointer into the minimal method
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown variable") << "/steps/0/messages/0/template"
                                          << "\"Q: {{problme}}\""
                                          << "f.json: steps[0].messages[0].template @ offset 3"
                                          << "unknown variable 'problme'";
        QTest::newRow("unclosed braces") << "/steps/0/messages/0/template"
                                         << "\"Q: {{problem\""
                                         << "f.json: steps[0].messages[0].template @ offset 3"
                                         << "unclosed";
        QTest::newRow("candidate outside verify") << "/steps/0/messages/0/template"
                                                  << "\"{{candidate}}\""
                                                  << "f.json: steps[0].messages[0].template @ offset 0"
                                                  << "only the verify step";
        QTest::newRow("bad role") << "/steps/0/messages/0/role"
                                  << "\"robot\""
                                  << "f.json: steps[0].messages[0].role"
                                  << "must be system";
        QTest::newRow("bad kind") << "/steps/0/kind"
                                  << "\"think\""
                                  << "f.json: steps[0].kind"
                                  << "must be verify";
        QTest::newRow("duplicate id") << "/steps/1/id"
                                      << "\"reason\""
                                      << "f.json: steps[1].id"
                                      << "duplicate step id";
        QTest::newRow("colon in id") << "/steps/0/id"
                                     << "\"a:b\""
                                     << "f.json: steps[0].id"
                                     << "must be non-empty";
        QTest::newRow("unknown extractor") << "/steps/1/answer/extractors/0"
                                           << "\"magic\""
                                           << "f.json: steps[1].answer.extractors[0]"
                                           << "unknown extractor";
        QTest::newRow("temperature range") << "/steps/0/decoding"
                                           << "{\"temperature\": 3}"
                                           << "f.json: steps[0].decoding.temperature"
                                           << "within [0, 2]";
        QTest::newRow("max_tokens type") << "/steps/0/decoding"
                                         << "{\"max_tokens\": \"many\"}"
                                         << "f.json: steps[0].decoding.max_tokens"
                                         << "must be an integer";
        QTest::newRow("unknown decoding key") << "/steps/0/decoding"
                                              << "{\"temprature\": 0}"
                                              << "f.json: steps[0].decoding.temprature"
                                              << "unknown key";
        QTest::newRow("no extract step") << "/steps/1/kind"
                                         << "\"plain\""
                                         << "f.json: steps[1].answer"
                                         << "only the extract step";
        QTest::newRow("unknown endpoint") << "/steps/0/endpoint"
                                          << "\"responses\""
                                          << "f.json: steps[0].endpoint"
                                          << "must be chat or completions";
        QTest::newRow("completions with two messages")
            << "/steps/0"
            << "{\"id\": \"reason\", \"kind\": \"reason\", \"endpoint\": \"completions\", \"output\": \"reasoning\","
               " \"messages\": [{\"template\": \"Q: {{problem}}\"}, {\"template\": \"A:\"}]}"
            << "f.json: steps[0].messages"
            << "exactly one message";
        QTest::newRow("reads an unknown output") << "/steps/1/input"
                                                 << "\"summary\""
                                                 << "f.json: steps[1].input"
                                                 << "unknown variable";
    }
    void stepErrors()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, location);
        QFETCH(QString, message);
        json j = minimalMethod();
        j[json::json_pointer(pointer.toStdString())] = json::parse(value.toStdString());
        auto m = methodFromJson(j, "f.json");
        QVERIFY(!m.ok());
        QCOMPARE(QString::fromStdString(m.error().location), location);
        // The field alone, without the template offset.
        QVERIFY(location.startsWith(QString::fromStdString("f.json: " + m.error().field)));
        QVERIFY(!m.error().field.empty() && m.error().field.find('@') == std::string::npos);
        QVERIFY2(QString::fromStdString(m.error().message).contains(message), m.error().message.c_str());
    }

    void laterStepsSeeEarlierOutputs()
    {
        json j = minimalMethod();
        j["steps"].insert(j["steps"].begin() + 1,
            json::parse("{\"id\": \"summarise\", \"kind\": \"plain\", \"messages\": [{\"template\": \"S: "
                        "{{reasoning}}\"}], \"output\": \"summary\"}"));
        j["steps"][2]["input"] = "summary";
        auto m = methodFromJson(j, "f.json");
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().toString().c_str());
        wb::dataset::Problem p;
        const std::vector<int> none;
        const std::map<std::string, std::string> outputs { { "reason", "r" }, { "summarise", "it is 42" } };
        const std::vector<DemoItem> demos;
        const RenderInput in { p, none, outputs, demos };
        QCOMPARE(planKeys(m.value(), none), (std::vector<std::string> { "reason", "summarise" }));
        QCOMPARE(renderCall(m.value(), "summarise", in)->messages[0].content, std::string("S: r"));
        QCOMPARE(*extractAnswerFromOutputs(m.value(), in).number, 42.0);
    }

    void outOfRangeNumbersNameFileAndField()
    {
        // beyond the double range: the parse fails at the number's line, never an uncaught exception
        std::string text = minimalMethod().dump(2);
        const std::string withOverflow = text.substr(0, text.rfind('}')) + ",\n  \"order\": 1e400\n}";
        auto overflow = parseMethod(withOverflow, "big.json");
        QVERIFY(!overflow.ok());
        QVERIFY2(overflow.error().location.rfind("big.json:", 0) == 0, overflow.error().location.c_str());
        QVERIFY2(overflow.error().message.find("1e400") != std::string::npos, overflow.error().message.c_str());
        const std::string digits = text.substr(0, text.rfind('}')) + ",\n  \"order\": " + std::string(310, '9') + "\n}";
        QVERIFY(!parseMethod(digits, "big.json").ok());
        // within double but not the field's type: an error naming the field instead of a wrapped value
        json wide = minimalMethod();
        wide["steps"][0]["decoding"] = { { "max_tokens", std::int64_t(1) << 40 } };
        auto tooWide = parseMethod(wide.dump(), "wide.json");
        QVERIFY(!tooWide.ok());
        QCOMPARE(tooWide.error().field, std::string("steps[0].decoding.max_tokens"));
        QVERIFY2(tooWide.error().message.find("out of range") != std::string::npos, tooWide.error().message.c_str());
        json seed = minimalMethod();
        seed["steps"][0]["decoding"] = { { "seed", std::uint64_t(1) << 63 } };
        QVERIFY(!parseMethod(seed.dump(), "seed.json").ok());
    }

    void invalidJsonNamesLineAndColumn()
    {
        auto m = parseMethod("{\"id\": ", "broken.json");
        QVERIFY(!m.ok());
        QVERIFY(QString::fromStdString(m.error().location).startsWith("broken.json:1:"));
        auto missing = loadMethodFile("/nonexistent/x.json");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, wb::ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestMethodFile)
#include "tst_methodfile.moc"
