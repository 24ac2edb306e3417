// SPDX-License-Identifier: Apache-2.0
#include "core/method/template.h"

#include <QtTest>

using wb::method::Template;
using wb::method::Variables;

class TestTemplate final : public QObject {
    Q_OBJECT
private slots:
    void render_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain text is copied") << "A: Let's think step by step.\n  "
                                              << "A: Let's think step by step.\n  ";
        QTest::newRow("variable") << "Q: {{problem}}"
                                  << "Q: Two plus two?";
        QTest::newRow("spaces inside braces") << "Q: {{ problem }}"
                                              << "Q: Two plus two?";
        QTest::newRow("single braces are literal") << "{x} {problem} }} {"
                                                   << "{x} {problem} }} {";
        QTest::newRow("missing variable is empty") << "[{{reasoning}}]"
                                                   << "[]";
        QTest::newRow("if true") << "{{#if instruction}}I: {{instruction}}{{/if}}."
                                 << "I: check.";
        QTest::newRow("if false") << "{{#if reasoning}}R{{/if}}."
                                  << ".";
        QTest::newRow("else branch") << "{{#if reasoning}}R{{else}}{{fallback}}{{/if}}"
                                     << "ignore it";
        QTest::newRow("nested") << "{{#if instruction}}<{{#if reasoning}}r{{else}}n{{/if}}>{{/if}}"
                                << "<n>";
        QTest::newRow("utf8 kept") << QString::fromUtf8("\u00d7 {{problem}} \u2212")
                                   << QString::fromUtf8("\u00d7 Two plus two? \u2212");
    }
    void render()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Variables vars { { "problem", "Two plus two?" }, { "instruction", "check" },
            { "fallback", "ignore it" } };
        auto t = Template::parse(text.toStdString());
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().toString().c_str());
        QCOMPARE(QString::fromStdString(t->render(vars)), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown variable") << "Q: {{problme}}" << 3 << "unknown variable 'problme'";
        QTest::newRow("unclosed") << "Q: {{problem}} A: {{reasoning" << 18 << "unclosed '{{'";
        QTest::newRow("tag not closed before next") << "{{problem {{question}}" << 0 << "'{{' inside a tag";
        QTest::newRow("empty tag") << "x{{ }}" << 1 << "empty tag";
        QTest::newRow("bad name") << "{{pro-blem}}" << 0 << "invalid variable name";
        QTest::newRow("if never closed") << "ab{{#if reasoning}}x" << 2 << "is never closed";
        QTest::newRow("stray /if") << "x{{/if}}" << 1 << "{{/if}} without";
        QTest::newRow("else outside") << "xy{{else}}" << 2 << "{{else}} outside";
        QTest::newRow("second else") << "{{#if demos}}a{{else}}b{{else}}c{{/if}}" << 23 << "second {{else}}";
        QTest::newRow("unknown if variable") << "{{#if nope}}x{{/if}}" << 0 << "unknown variable 'nope'";
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(int, offset);
        QFETCH(QString, message);
        const auto issues = Template::check(text.toStdString());
        QVERIFY(!issues.empty());
        QCOMPARE(static_cast<int>(issues.front().offset), offset);
        QVERIFY2(QString::fromStdString(issues.front().message).contains(message), issues.front().message.c_str());
        auto t = Template::parse(text.toStdString());
        QVERIFY(!t.ok());
        QCOMPARE(QString::fromStdString(t.error().location), QStringLiteral("offset %1").arg(offset));
    }

    void allIssuesAreReported()
    {
        const auto issues = Template::check("{{a}} ok {{problem}} {{b}} {{#if c}}");
        // {{a}}, {{b}}, the unknown "c" and the unclosed block.
        QCOMPARE(issues.size(), std::size_t(4));
        QCOMPARE(issues[0].offset, std::size_t(0));
        QCOMPARE(issues[0].length, std::size_t(5));
        QCOMPARE(issues[1].offset, std::size_t(21));
        QCOMPARE(issues[2].offset, std::size_t(27));
        QCOMPARE(issues[3].offset, std::size_t(27));
    }

    void customAllowedNames()
    {
        QVERIFY(!Template::parse("{{summary}}").ok());
        auto t = Template::parse("{{summary}}", { "summary" });
        QVERIFY(t.ok());
        QCOMPARE(t->render({ { "summary", "s" } }), std::string("s"));
    }

    void variablesInFirstUseOrder()
    {
        auto t = Template::parse("{{demos}}{{#if instruction}}{{problem}}{{else}}{{demos}}{{/if}}");
        QVERIFY(t.ok());
        QCOMPARE(t->variables(), (std::vector<std::string> { "demos", "instruction", "problem" }));
    }
};

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"
