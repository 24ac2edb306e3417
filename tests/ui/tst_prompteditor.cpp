// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/loader.h"
#include "core/llm/canonical.h"
#include "core/method/methodjson.h"
#include "core/method/render.h"
#include "core/store/store.h"
#include "support/testpaths.h"
#include "ui/pages/prompteditorpage.h"
#include "ui/prompteditor/linediff.h"
#include "ui/prompteditor/methodlibrary.h"
#include "ui/prompteditor/promptpreview.h"
#include "ui/prompteditor/runcallsview.h"
#include "ui/prompteditor/stepeditor.h"
#include "ui/prompteditor/templatehighlighter.h"
#include "ui/runs/profileentry.h"
#include "ui/settings/settings.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabBar>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QTreeWidget>

#include <nlohmann/json.hpp>

#include <memory>

using namespace wb::ui;

class TestPromptEditor final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void highlighterMarksKnownAndUnknownVariables();
    void utf8Offsets_data();
    void utf8Offsets();
    void invalidTemplateShowsInlineError_data();
    void invalidTemplateShowsInlineError();
    void previewEqualsCoreRendering();
    void previewMarksPlaceholders();
    void decodingFormChangesBody();
    void previewNamesCurrentBackendModel();
    void lineDiff_data();
    void lineDiff();
    void diffAgainstAnotherMethod();
    void saveAsUserMethodRoundTrips();
    void revertDiscardsEdits();
    void storedRunShowsPromptsAndVerdicts();

private:
    wb::dataset::Problem demoProblem(int index) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::shared_ptr<wb::dataset::Dataset> m_demo;
};

void TestPromptEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
    auto loaded = wb::dataset::loadDataset(
        QString(wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl")).toStdString());
    QVERIFY(loaded.ok());
    m_demo = std::make_shared<wb::dataset::Dataset>(std::move(*loaded));
}

void TestPromptEditor::init()
{
    m_settings->resetToDefaults();
    // Test mode points AppDataLocation at a throw-away folder; start each case without user methods.
    QDir(MethodLibrary::userMethodsDir()).removeRecursively();
}

wb::dataset::Problem TestPromptEditor::demoProblem(int index) const
{
    return m_demo->problems.at(static_cast<std::size_t>(index));
}

namespace {
/// Foreground colour applied by the highlighter at `position` of the document, or an invalid colour.
QColor colourAt(QTextDocument& document, int position)
{
    const QTextBlock block = document.findBlock(position);
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        const int local = position - block.position();
        if (local >= range.start && local < range.start + range.length
            && range.format.hasProperty(QTextFormat::ForegroundBrush))
            return range.format.foreground().color();
    }
    return {};
}

bool underlinedAt(QTextDocument& document, int position)
{
    const QTextBlock block = document.findBlock(position);
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        const int local = position - block.position();
        if (local >= range.start && local < range.start + range.length
            && range.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            return true;
    }
    return false;
}

int stepIndex(const wb::method::Method& method, const char* id)
{
    for (std::size_t i = 0; i < method.steps.size(); ++i)
        if (method.steps[i].id == id)
            return static_cast<int>(i);
    return -1;
}

/// The lines of a line-diff case, written as plain literals.
QStringList lines(std::initializer_list<const char*> items)
{
    QStringList result;
    for (const char* item : items)
        result << QString::fromLatin1(item);
    return result;
}
}

void TestPromptEditor::highlighterMarksKnownAndUnknownVariables()
{
    const QString text = QStringLiteral("Q: {{problem}} {{ bogus }}\n{{#if choices}}x{{else}}y{{/if}} plain {single}");
    QPlainTextEdit edit;
    edit.setPlainText(text);
    QTextDocument& document = *edit.document();
    TemplateHighlighter highlighter(&document);
    highlighter.setKnownVariables({ QStringLiteral("problem"), QStringLiteral("choices") });
    QCOMPARE(colourAt(document, text.indexOf(QStringLiteral("{{problem}}")) + 3), TemplateHighlighter::knownColor());
    QCOMPARE(colourAt(document, text.indexOf(QStringLiteral("bogus"))), TemplateHighlighter::unknownColor());
    QCOMPARE(colourAt(document, text.indexOf(QStringLiteral("choices}}"))), TemplateHighlighter::knownColor());
    QVERIFY(!colourAt(document, text.indexOf(QStringLiteral("plain"))).isValid());
    QVERIFY(!colourAt(document, text.indexOf(QStringLiteral("single"))).isValid());

    // Typing a tag colours it at once.
    edit.moveCursor(QTextCursor::End);
    QTest::keyClicks(&edit, QStringLiteral(" {{question}} {{problem}}"));
    const QString typed = edit.toPlainText();
    QCOMPARE(colourAt(document, typed.lastIndexOf(QStringLiteral("question"))), TemplateHighlighter::unknownColor());
    QCOMPARE(colourAt(document, typed.lastIndexOf(QStringLiteral("problem"))), TemplateHighlighter::knownColor());

    // A name becoming known changes its colour.
    highlighter.setKnownVariables({ QStringLiteral("problem"), QStringLiteral("choices"), QStringLiteral("bogus") });
    QCOMPARE(colourAt(document, text.indexOf(QStringLiteral("bogus"))), TemplateHighlighter::knownColor());

    highlighter.setIssueSpans({ { 3, 4 } });
    QVERIFY(underlinedAt(document, 4));
    QVERIFY(!underlinedAt(document, 0));
}

void TestPromptEditor::utf8Offsets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("byteOffset");
    QTest::addColumn<int>("position");
    QTest::newRow("ascii") << QStringLiteral("abc {{x}}") << 4 << 4;
    QTest::newRow("two-byte") << QStringLiteral("θ = {{x}}") << 5 << 4;
    QTest::newRow("three-byte") << QStringLiteral("€€ {{x}}") << 7 << 3;
    QTest::newRow("past end") << QStringLiteral("ab") << 10 << 2;
}

void TestPromptEditor::utf8Offsets()
{
    QFETCH(QString, text);
    QFETCH(int, byteOffset);
    QFETCH(int, position);
    QCOMPARE(utf8OffsetToPosition(text, static_cast<std::size_t>(byteOffset)), position);
}

void TestPromptEditor::invalidTemplateShowsInlineError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown variable") << QStringLiteral("Q: {{problem}} {{nope}}") << 15
                                      << QStringLiteral("unknown variable 'nope'");
    QTest::newRow("unclosed tag") << QStringLiteral("Q: {{problem") << 3 << QStringLiteral("unclosed");
    QTest::newRow("stray else") << QStringLiteral("A {{else}} B") << 2 << QStringLiteral("{{else}} outside");
    QTest::newRow("candidate outside verify")
        << QStringLiteral("{{candidate}}") << 0 << QStringLiteral("only the verify step");
    QTest::newRow("after non-ASCII") << QStringLiteral("θθ {{nope}}") << 3 << QStringLiteral("unknown variable");
}

void TestPromptEditor::invalidTemplateShowsInlineError()
{
    QFETCH(QString, text);
    QFETCH(int, offset);
    QFETCH(QString, message);
    PromptEditorPage page(*m_settings);
    QVERIFY(page.selectMethod(QStringLiteral("zero-shot-cot+i3c")));
    const int reason = stepIndex(page.editedMethod(), "reason");
    QVERIFY(reason >= 0);
    QVERIFY2(page.issueTexts().isEmpty(), qPrintable(page.issueTexts().join(QLatin1Char('\n'))));
    QPlainTextEdit* edit = page.stepEditor(reason)->templateEdit(0);
    edit->setPlainText(text);

    const QStringList issues = page.issueTexts();
    QVERIFY(!issues.isEmpty());
    const QString expected = QStringLiteral("step reason, message 1, offset %1: ").arg(offset);
    QVERIFY2(issues.first().startsWith(expected), qPrintable(issues.first()));
    QVERIFY2(issues.first().contains(message), qPrintable(issues.first()));
    QVERIFY(underlinedAt(*edit->document(), offset));
    QCOMPARE(page.stepTabs()->tabBar()->tabTextColor(reason), TemplateHighlighter::unknownColor());

    // Choosing the issue puts the cursor on it.
    page.issueList()->setCurrentRow(0);
    QCOMPARE(page.stepTabs()->currentIndex(), reason);
    QCOMPARE(edit->textCursor().position(), offset);

    // The call whose template is broken says so instead of showing a request that would hide the mistake.
    page.setProblem(demoProblem(0));
    bool reported = false;
    for (const PreviewCall& call : page.preview())
        if (call.key == QLatin1String("reason"))
            reported = !call.error.isEmpty() && call.body.empty();
    QVERIFY(reported);
}

void TestPromptEditor::previewEqualsCoreRendering()
{
    PromptEditorPage page(*m_settings);
    page.setModelName(QStringLiteral("test-model"));
    const wb::dataset::Problem problem = demoProblem(3);
    QVERIFY(problem.conditions.size() >= 2);
    const std::vector<int> candidates { 0, static_cast<int>(problem.conditions.size()) - 1 };
    page.setProblem(problem);
    page.setCandidates(candidates, QStringLiteral("θ 0.40"));
    for (const char* id : { "zero-shot-cot+i3c", "direct", "plan-and-solve+i3c" }) {
        QVERIFY2(page.selectMethod(QString::fromLatin1(id)), id);
        const wb::method::Method method = page.editedMethod();
        const std::vector<std::string> keys = wb::method::planKeys(method, candidates);
        QCOMPARE(page.preview().size(), keys.size());

        std::map<std::string, std::string> outputs;
        for (const std::string& key : keys)
            outputs[key] = outputPlaceholder(key);
        const std::vector<wb::method::DemoItem> demos = previewDemos(method);
        const wb::method::RenderInput input { problem, candidates, outputs, demos };
        wb::llm::BackendProfile profile;
        profile.model = "test-model";
        for (std::size_t i = 0; i < keys.size(); ++i) {
            auto rendered = wb::method::renderCall(method, keys[i], input);
            QVERIFY(rendered.ok());
            const PreviewCall& call = page.preview()[i];
            QCOMPARE(call.key.toStdString(), keys[i]);
            QVERIFY2(call.error.isEmpty(), qPrintable(call.error));
            QCOMPARE(call.body, wb::llm::canonicalRequestJson(profile, wb::method::toChatRequest(*rendered)));
        }
    }
    // The shown text is the selected call's body, indented.
    QCOMPARE(page.previewText(), page.preview().at(static_cast<std::size_t>(page.callBox()->currentIndex())).pretty);
    QVERIFY(page.previewText().contains(QStringLiteral("\"model\": \"test-model\"")));
    QCOMPARE(page.messagesView()->toPlainText(),
        page.preview().at(static_cast<std::size_t>(page.callBox()->currentIndex())).promptText);
    QVERIFY(page.messagesView()->toPlainText().startsWith(QStringLiteral("[user]\n")));
}

void TestPromptEditor::previewMarksPlaceholders()
{
    PromptEditorPage page(*m_settings);
    QVERIFY(page.selectMethod(QStringLiteral("zero-shot-cot+i3c")));
    const wb::dataset::Problem problem = demoProblem(3);
    page.setProblem(problem);
    page.setCandidates(std::vector<int> { 1 }, {});
    QCOMPARE(page.preview().size(), std::size_t(3));
    const PreviewCall& verify = page.preview()[0];
    QCOMPARE(verify.key, QStringLiteral("verify:1"));
    QVERIFY(verify.placeholders.isEmpty());
    QVERIFY(verify.pretty.contains(QString::fromStdString(problem.conditions[1]).left(10)));
    QVERIFY(!verify.pretty.contains(QStringLiteral("<output of")));
    const PreviewCall& reason = page.preview()[1];
    QCOMPARE(reason.placeholders, QStringList { QStringLiteral("verify:1") });
    QVERIFY(reason.pretty.contains(QStringLiteral("<output of verify:1>")));
    const PreviewCall& extract = page.preview()[2];
    QVERIFY(extract.pretty.contains(QStringLiteral("<output of reason>")));
    QVERIFY(!page.previewText().isEmpty());
    // No model configured: a placeholder, never an invented name.
    page.setModelName({});
    QVERIFY(page.previewText().contains(QStringLiteral("\"model\": \"<model>\"")));

    // Without candidates the I3C method plans no verify call and falls back.
    page.setCandidates(std::vector<int> {}, {});
    QCOMPARE(page.preview().size(), std::size_t(2));
    QVERIFY(page.preview()[0].pretty.contains(QStringLiteral("ignore irrelevant information")));
}

void TestPromptEditor::decodingFormChangesBody()
{
    PromptEditorPage page(*m_settings);
    QVERIFY(page.selectMethod(QStringLiteral("direct")));
    page.setProblem(demoProblem(0));
    QVERIFY(!page.preview().empty());
    StepEditor* editor = page.stepEditor(0);
    auto* temperature = editor->findChild<QDoubleSpinBox*>(QStringLiteral("temperature"));
    QVERIFY(temperature);
    temperature->setValue(temperature->minimum()); // "server default"
    QVERIFY(page.preview().front().body.find("\"temperature\"") == std::string::npos);
    temperature->setValue(0.5);
    QVERIFY(page.preview().front().body.find("\"temperature\":0.5") != std::string::npos);
    auto* stop = editor->findChild<QLineEdit*>(QStringLiteral("stop"));
    stop->setText(QStringLiteral("[\"\\n\\nQ:\"]"));
    QVERIFY(page.preview().front().body.find("\"stop\":[\"\\n\\nQ:\"]") != std::string::npos);
    stop->setText(QStringLiteral("not json"));
    QVERIFY(page.issueTexts().join(QLatin1Char('\n')).contains(QStringLiteral("stop:")));
}

void TestPromptEditor::previewNamesCurrentBackendModel()
{
    const auto profile = [](const char* name, const char* model) {
        ProfileEntry entry;
        entry.backend.name = name;
        entry.backend.model = model;
        return entry;
    };
    saveProfiles(*m_settings, { profile("cloud", "gpt-4o-mini"), profile("local", "llama3.1:8b") });
    m_settings->setCurrentBackendProfile(QStringLiteral("local"));
    PromptEditorPage page(*m_settings);
    QVERIFY(page.selectMethod(QStringLiteral("direct")));
    page.setProblem(demoProblem(0));
    QVERIFY(page.preview().front().body.find("\"model\":\"llama3.1:8b\"") != std::string::npos);
    m_settings->setCurrentBackendProfile(QStringLiteral("cloud"));
    QVERIFY(page.preview().front().body.find("\"model\":\"gpt-4o-mini\"") != std::string::npos);
    auto* field = page.findChild<QLineEdit*>(QStringLiteral("previewModel"));
    QVERIFY(field);
    QCOMPARE(field->text(), QStringLiteral("gpt-4o-mini"));
}

void TestPromptEditor::lineDiff_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equal") << lines({ "a", "b" }) << lines({ "a", "b" }) << QStringLiteral("  a\n  b");
    QTest::newRow("both empty") << QStringList {} << QStringList {} << QString();
    QTest::newRow("added at end") << lines({ "a" }) << lines({ "a", "b" }) << QStringLiteral("  a\n+ b");
    QTest::newRow("removed in middle") << lines({ "a", "b", "c" }) << lines({ "a", "c" })
                                       << QStringLiteral("  a\n- b\n  c");
    QTest::newRow("changed line") << lines({ "a", "b", "c" }) << lines({ "a", "B", "c" })
                                  << QStringLiteral("  a\n- b\n+ B\n  c");
    QTest::newRow("all new") << QStringList {} << lines({ "x", "y" }) << QStringLiteral("+ x\n+ y");
    QTest::newRow("all gone") << lines({ "x" }) << QStringList {} << QStringLiteral("- x");
    QTest::newRow("keeps longest common")
        << lines({ "a", "b", "c", "d" }) << lines({ "b", "c", "x", "d" }) << QStringLiteral("- a\n  b\n  c\n+ x\n  d");
}

void TestPromptEditor::lineDiff()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QString, expected);
    const QList<DiffLine> diff = diffLines(before, after);
    QCOMPARE(diffToText(diff), expected);
    // Same lines are a common subsequence of both sides; removed+same rebuild `before`, added+same `after`.
    QStringList left;
    QStringList right;
    for (const DiffLine& line : diff) {
        if (line.kind != DiffLine::Kind::Added)
            left << line.text;
        if (line.kind != DiffLine::Kind::Removed)
            right << line.text;
    }
    QCOMPARE(left, before);
    QCOMPARE(right, after);
}

void TestPromptEditor::diffAgainstAnotherMethod()
{
    PromptEditorPage page(*m_settings);
    QVERIFY(page.selectMethod(QStringLiteral("zero-shot-cot")));
    QVERIFY(!page.diffAgainst(QStringLiteral("direct"))); // no problem yet
    page.setProblem(demoProblem(2));
    QVERIFY(page.diffAgainst(QStringLiteral("zero-shot-cot")));
    QVERIFY(page.diffText().contains(QStringLiteral("0 line(s) removed, 0 added")));
    page.stepEditor(0)->templateEdit(0)->appendPlainText(QStringLiteral("An extra line."));
    // The diff follows the edits.
    QVERIFY2(
        page.diffText().contains(QStringLiteral("0 line(s) removed, 1 added")), qPrintable(page.diffText().left(200)));
    QVERIFY(page.diffText().contains(QStringLiteral("An extra line.")));
}

void TestPromptEditor::saveAsUserMethodRoundTrips()
{
    PromptEditorPage page(*m_settings);
    QVERIFY(page.selectMethod(QStringLiteral("zero-shot-cot")));
    const int before = page.methodBox()->count();
    page.stepEditor(0)->templateEdit(0)->setPlainText(QStringLiteral("Q: {{problem}}\nA: Let's think carefully."));

    auto refused = page.saveAsUserMethod(QStringLiteral("direct"), QStringLiteral("Shadow"));
    QVERIFY(!refused.ok());

    auto saved = page.saveAsUserMethod(QStringLiteral("careful cot"), QStringLiteral("Careful CoT"));
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().toString().c_str());
    QCOMPARE(QFileInfo(*saved).dir().absolutePath(), QDir(MethodLibrary::userMethodsDir()).absolutePath());
    QCOMPARE(QFileInfo(*saved).fileName(), QStringLiteral("careful-cot.json"));
    QCOMPARE(page.methodBox()->count(), before + 1);
    QCOMPARE(page.currentMethodId(), QStringLiteral("careful-cot"));
    QVERIFY(page.methodBox()->currentText().contains(QStringLiteral("Careful CoT")));

    auto reloaded = wb::method::loadMethodFile(saved->toStdString());
    QVERIFY2(reloaded.ok(), reloaded.ok() ? "" : reloaded.error().toString().c_str());
    QCOMPARE(reloaded->steps.front().messages.front().text, std::string("Q: {{problem}}\nA: Let's think carefully."));
    QVERIFY(wb::method::validateMethod(*reloaded).empty());
    wb::method::Method edited = page.editedMethod();
    edited.sourcePath.clear();
    reloaded->sourcePath.clear();
    QCOMPARE(wb::method::canonicalMethodJson(*reloaded), wb::method::canonicalMethodJson(edited));

    // A fresh page lists it too.
    PromptEditorPage second(*m_settings);
    QVERIFY(second.selectMethod(QStringLiteral("careful-cot")));
    QCOMPARE(second.stepEditor(0)->templateEdit(0)->toPlainText(),
        QStringLiteral("Q: {{problem}}\nA: Let's think carefully."));

    // An invalid method is not written.
    second.stepEditor(0)->templateEdit(0)->setPlainText(QStringLiteral("{{nope}}"));
    QVERIFY(!second.saveAsUserMethod(QStringLiteral("broken"), {}).ok());
    QVERIFY(!QFileInfo::exists(QDir(MethodLibrary::userMethodsDir()).filePath(QStringLiteral("broken.json"))));
}

void TestPromptEditor::revertDiscardsEdits()
{
    PromptEditorPage page(*m_settings);
    QVERIFY(page.selectMethod(QStringLiteral("direct")));
    QPlainTextEdit* edit = page.stepEditor(0)->templateEdit(0);
    const QString original = edit->toPlainText();
    auto* revert = page.findChild<QPushButton*>(QStringLiteral("revertMethod"));
    QVERIFY(revert);
    QVERIFY(!revert->isEnabled());
    edit->appendPlainText(QStringLiteral("more"));
    QVERIFY(revert->isEnabled());
    page.revert();
    QCOMPARE(page.stepEditor(0)->templateEdit(0)->toPlainText(), original);
    QVERIFY(!revert->isEnabled());
}

void TestPromptEditor::storedRunShowsPromptsAndVerdicts()
{
    const QString path = m_dir.filePath(QStringLiteral("runs.sqlite"));
    wb::store::RowId runId = 0;
    {
        auto store = wb::store::Store::open(path.toStdString());
        QVERIFY(store.ok());
        auto imported = store->importDataset(m_demo->info, m_demo->problems);
        QVERIFY(imported.ok());
        wb::store::NewRun run;
        run.name = "zs+i3c";
        run.datasetId = imported->datasetId;
        auto created = store->createRun(run);
        QVERIFY(created.ok());
        runId = *created;
        const auto call = [&](const std::string& step, const std::string& prompt, const std::string& response) {
            wb::store::CallRecord record;
            record.runId = runId;
            record.problemIndex = 1;
            record.step = step;
            record.requestJson = nlohmann::json {
                { "model", "m" }, { "messages", { { { "role", "user" }, { "content", prompt } } } }
            }.dump();
            record.responseText = response;
            if (step == "reason") {
                record.reasoningText = "First I count the apples.";
                record.reasoningTokens = 6;
            }
            QVERIFY(store->recordCall(record).ok());
        };
        call("verify:0", "Is condition A relevant?", "No, it is irrelevant.");
        call("reason", "The instructions are as follows: No, it is irrelevant.", "So 7 apples.");
        wb::store::ResultRecord result;
        result.runId = runId;
        result.problemIndex = 1;
        result.extractedAnswer = "7";
        result.correct = true;
        result.status = wb::store::ProblemStatus::Correct;
        QVERIFY(store->recordResult(result).ok());
    }
    RunCallsView view;
    QSignalSpy loaded(&view, &RunCallsView::loaded);
    view.setDatabase(path);
    view.setDataset(QString::fromStdString(m_demo->info.contentHash), QString::fromStdString(m_demo->info.name));
    view.setProblem(1, QString::fromStdString(m_demo->problems[1].id));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && view.callTree()->topLevelItemCount() == 2, 10000);
    QCOMPARE(view.runBox()->count(), 1);
    QCOMPARE(view.callTree()->topLevelItem(0)->text(0), QStringLiteral("verify:0"));
    QCOMPARE(view.callTree()->topLevelItem(0)->text(2), QStringLiteral("No, it is irrelevant."));
    QVERIFY(view.resultLabel()->text().contains(QStringLiteral("<b>7</b>")));
    QVERIFY(view.resultLabel()->text().contains(QStringLiteral("correct")));
    QVERIFY(view.callDetail()->toPlainText().contains(QStringLiteral("Is condition A relevant?")));
    QVERIFY(view.callDetail()->toPlainText().contains(QStringLiteral("Verdict")));
    view.callTree()->setCurrentItem(view.callTree()->topLevelItem(1));
    QVERIFY(view.callDetail()->toPlainText().contains(QStringLiteral("So 7 apples.")));
    // The model's reasoning text is stored apart from the reply and shown collapsed until asked for.
    QVERIFY(view.callDetail()->toPlainText().contains(QStringLiteral("Model reasoning (25 characters)")));
    QVERIFY(!view.callDetail()->toPlainText().contains(QStringLiteral("First I count the apples.")));
    QVERIFY(view.callDetail()->toPlainText().contains(QStringLiteral("of which 6 reasoning")));
    emit view.callDetail()->anchorClicked(QUrl(QStringLiteral("wb-reasoning:toggle")));
    QVERIFY(view.callDetail()->toPlainText().contains(QStringLiteral("First I count the apples.")));

    // Another problem of the same run: no calls, no result.
    view.setProblem(0, QString::fromStdString(m_demo->problems[0].id));
    QTRY_VERIFY_WITH_TIMEOUT(
        !view.isLoading() && view.resultLabel()->text().contains(QStringLiteral("No result")), 10000);
    QCOMPARE(view.callTree()->topLevelItemCount(), 0);
}

QTEST_MAIN(TestPromptEditor)
#include "tst_prompteditor.moc"
