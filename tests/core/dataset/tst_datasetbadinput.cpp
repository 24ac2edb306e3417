// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/loader.h"
#include "core/dataset/recordconverter.h"
#include "support/testpaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using wb::dataset::LoadOptions;

namespace {

QString fixture(const char* name)
{
    return wb::test::sourceDir() + QStringLiteral("/tests/data/datasets/") + QLatin1String(name);
}

} // namespace

/// One row per class of bad input: every one must end in an Error or a Diagnostic that names the file, the line
/// and what is wrong; none may crash, hang or allocate without bound.
class TestDatasetBadInput final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // inputs that are awkward to keep as files in the repository are written here
        write("long_line.jsonl",
            QByteArray("{\"problem\": \"A. How many?\", \"answer\": \"1\"}\n{\"problem\": \"")
                + QByteArray(17 << 20, 'x') + QByteArray("\", \"answer\": \"2\"}\n"));
        write("long_record.json",
            QByteArray("[\n{\"problem\": \"") + QByteArray(17 << 20, 'y') + QByteArray("\", \"answer\": \"2\"}]"));
        write("utf16.jsonl", QByteArray("\xFF\xFE{\0\"\0", 6));
        write("only_bom.jsonl", QByteArray("\xEF\xBB\xBF"));
        // the converter names "lSolutions[0]": the error points at the line of the lSolutions key
        write("bad_element_array.json",
            QByteArray("[\n  {\n    \"iIndex\": 1,\n    \"sQuestion\": \"A has 2. How many?\",\n    \"lSolutions\": [\n"
                       "      \"two\"\n    ]\n  }\n]\n"));
        // numbers beyond the double range used to escape the loader as an uncaught nlohmann out_of_range
        write("overflow_float.jsonl",
            QByteArray(
                "{\"problem\": \"A. How many?\", \"answer\": \"1\"}\n{\"problem\": \"B?\", \"answer\": 1e400}\n"));
        write("overflow_integer.jsonl",
            QByteArray("{\"problem\": \"A. How many?\", \"answer\": \"1\"}\n{\"problem\": \"B?\", \"answer\": ")
                + QByteArray(310, '9') + QByteArray("}\n"));
        write("overflow_index.jsonl",
            QByteArray("{\"problem\": \"A. How many?\", \"answer\": \"1\", \"irrelevant\": 1099511627776}\n"));
        write("deep_jsonl.jsonl",
            QByteArray("{\"problem\": \"A. How many?\", \"answer\": \"1\"}\n{\"x\": ") + QByteArray(200000, '[')
                + QByteArray(200000, ']') + QByteArray("}\n"));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("strict");
        QTest::addColumn<bool>("fails"); // Error (true) or loads with a Diagnostic (false)
        QTest::addColumn<int>("line"); // expected line in the location; 0 = no line
        QTest::addColumn<QString>("message"); // fragment of the message
        QTest::addColumn<int>("problems"); // problems loaded when it does not fail

        const QString tmp = m_dir.path() + QLatin1Char('/');
        QTest::newRow("truncated JSON array")
            << fixture("truncated_array.json") << false << true << 4 << "the JSON is truncated" << 0;
        QTest::newRow("bad JSONL line, lenient")
            << fixture("bad_middle_line.jsonl") << false << false << 3 << "invalid JSON" << 3;
        QTest::newRow("bad JSONL line, strict")
            << fixture("bad_middle_line.jsonl") << true << true << 3 << "invalid JSON" << 0;
        QTest::newRow("truncated last line")
            << fixture("truncated_last_line.jsonl") << true << true << 2 << "invalid JSON" << 0;
        QTest::newRow("wrong field type") << fixture("wrong_type.jsonl") << true << true << 3
                                          << "field 'answer' must be a string or number, got array" << 0;
        QTest::newRow("wrong field type, lenient") << fixture("wrong_type.jsonl") << false << false << 3
                                                   << "field 'answer' must be a string or number, got array" << 3;
        QTest::newRow("wrong field type in array") << fixture("wrong_type_array.json") << true << true << 12
                                                   << "field 'Answer' must be a string or number, got object" << 0;
        QTest::newRow("bad element in array") << tmp + "bad_element_array.json" << true << true << 5
                                              << "field 'lSolutions[0]' is not a number: 'two'" << 0;
        QTest::newRow("missing answer") << fixture("missing_answer.jsonl") << true << true << 2
                                        << "field 'answer' is missing" << 0;
        QTest::newRow("empty file") << fixture("empty.jsonl") << false << true << 0 << "file is empty" << 0;
        QTest::newRow("blank file") << fixture("blank_only.jsonl") << false << true << 0 << "file is empty" << 0;
        QTest::newRow("only a BOM") << tmp + "only_bom.jsonl" << false << true << 0 << "file is empty" << 0;
        QTest::newRow("invalid UTF-8") << fixture("invalid_utf8.jsonl") << true << true << 2
                                       << "invalid UTF-8 at byte column 18" << 0;
        QTest::newRow("NUL byte") << fixture("nul_byte.jsonl") << true << true << 2 << "NUL byte at byte column 18"
                                  << 0;
        QTest::newRow("deep nesting in array")
            << fixture("deep_nesting.json") << true << true << 3 << "nested deeper than 64 levels" << 0;
        QTest::newRow("deep nesting in JSONL")
            << tmp + "deep_jsonl.jsonl" << false << false << 2 << "nested deeper than 64 levels" << 1;
        QTest::newRow("number beyond the double range")
            << tmp + "overflow_float.jsonl" << true << true << 2 << "number overflow parsing '1e400'" << 0;
        QTest::newRow("number beyond the double range, lenient")
            << tmp + "overflow_float.jsonl" << false << false << 2 << "number overflow parsing '1e400'" << 1;
        QTest::newRow("310-digit integer")
            << tmp + "overflow_integer.jsonl" << true << true << 2 << "number overflow parsing '999" << 0;
        QTest::newRow("index beyond int") << tmp + "overflow_index.jsonl" << true << true << 1
                                          << "field 'irrelevant' must hold indices within the int range" << 0;
        QTest::newRow("absurdly long line")
            << tmp + "long_line.jsonl" << false << true << 2 << "longer than 16 MiB" << 0;
        QTest::newRow("absurdly long record")
            << tmp + "long_record.json" << false << true << 2 << "longer than 16 MiB" << 0;
        QTest::newRow("content after array")
            << fixture("trailing_garbage.json") << false << true << 4 << "after the closing ']'" << 0;
        QTest::newRow("record not an object")
            << fixture("not_object.jsonl") << true << true << 2 << "must be a JSON object, got array" << 0;
        QTest::newRow("empty JSON array")
            << fixture("empty_array.json") << false << true << 0 << "holds no problems" << 0;
        QTest::newRow("unterminated CSV quote")
            << fixture("unterminated.csv") << false << true << 3 << "unterminated quoted CSV field" << 0;
        QTest::newRow("UTF-16 file") << tmp + "utf16.jsonl" << false << true << 1 << "UTF-16" << 0;
        QTest::newRow("missing file") << tmp + "no_such_file.jsonl" << false << true << 0 << "no such file" << 0;
        QTest::newRow("directory") << m_dir.path() << false << true << 0 << "is a directory" << 0;
    }
    void badInput()
    {
        QFETCH(QString, path);
        QFETCH(bool, strict);
        QFETCH(bool, fails);
        QFETCH(int, line);
        QFETCH(QString, message);
        QFETCH(int, problems);
        LoadOptions options;
        options.strict = strict;
        const auto result = wb::dataset::loadDataset(path.toStdString(), options);
        const QString fileName = path.section(QLatin1Char('/'), -1);
        const QString where
            = line > 0 ? fileName + QLatin1Char(':') + QString::number(line) + QLatin1Char(':') : fileName;
        if (fails) {
            QVERIFY2(!result.ok(), "expected an error");
            const QString text = QString::fromStdString(result.error().toString());
            QVERIFY2(text.contains(where), qPrintable(text));
            QVERIFY2(text.contains(message), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1Char('\n')), "errors are one line");
            return;
        }
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QCOMPARE(int(result->problems.size()), problems);
        QCOMPARE(int(result->info.skippedRecords), 1);
        QCOMPARE(result->info.diagnostics.size(), std::size_t(1));
        const wb::Diagnostic& d = result->info.diagnostics.front();
        const QString text = QString::fromStdString(d.toString());
        QCOMPARE(d.severity, wb::Diagnostic::Severity::Error);
        QVERIFY2(text.contains(where), qPrintable(text));
        QVERIFY2(text.contains(message), qPrintable(text));
    }

    void converterErrorsCarryTheirField_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("field");
        using wb::dataset::Format;
        QTest::newRow("wrong type") << "{\"question\": \"Q?\", \"answer\": []}" << int(Format::Jsonl) << "answer";
        QTest::newRow("missing") << "{\"question\": \"Q?\"}" << int(Format::Gsm8k) << "answer";
        QTest::newRow("element") << "{\"sQuestion\": \"Q?\", \"lSolutions\": [\"x\"]}" << int(Format::Mawps)
                                 << "lSolutions[0]";
        QTest::newRow("list element type") << "{\"options\": [\"A)1\", 2], \"question\": \"Q?\", \"correct\": \"A\"}"
                                           << int(Format::Aqua) << "options";
        QTest::newRow("no single field") << "{\"body\": \"B\"}" << int(Format::Jsonl) << "";
    }
    void converterErrorsCarryTheirField()
    {
        QFETCH(QString, record);
        QFETCH(int, format);
        QFETCH(QString, field);
        wb::dataset::ConvertContext context;
        context.format = wb::dataset::Format(format);
        const auto converted
            = wb::dataset::convertRecord(nlohmann::json::parse(record.toStdString()), context, std::size_t(1));
        QVERIFY(!converted.ok());
        QCOMPARE(QString::fromStdString(converted.error().field), field);
        if (!field.isEmpty())
            QVERIFY2(converted.error().message.find("field '" + field.toStdString() + "'") == 0,
                converted.error().message.c_str());
    }

    void missingFileIsNotFound()
    {
        const auto result = wb::dataset::loadDataset("/nonexistent/dir/x.jsonl");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, wb::ErrorCode::NotFound);
        QVERIFY(QString::fromStdString(result.error().message).contains(QStringLiteral("/nonexistent/dir/x.jsonl")));
        const auto dir = wb::dataset::loadDataset(m_dir.path().toStdString());
        QCOMPARE(dir.error().code, wb::ErrorCode::NotFound);
    }

    void byteOrderMarkIsSkipped()
    {
        const auto result = wb::dataset::loadDataset(fixture("bom.jsonl").toStdString());
        QVERIFY(result.ok());
        QCOMPARE(int(result->problems.size()), 2);
        QVERIFY(QString::fromStdString(result->problems[0].text).startsWith(QStringLiteral("Ann has")));
        QCOMPARE(result->problems[1].sourceLine, std::uint64_t(2));
    }

    void crlfLineEndingsAreAccepted()
    {
        const auto result = wb::dataset::loadDataset(fixture("crlf.jsonl").toStdString());
        QVERIFY(result.ok());
        QCOMPARE(int(result->problems.size()), 3);
        for (const auto& p : result->problems) {
            QVERIFY(p.text.find('\r') == std::string::npos);
            QVERIFY(p.goldAnswerText.find('\r') == std::string::npos);
        }
        QCOMPARE(result->problems[2].sourceLine, std::uint64_t(3));
        QCOMPARE(*result->problems[2].goldNumber, 6.0);
    }

private:
    void write(const char* name, const QByteArray& bytes)
    {
        QFile file(m_dir.filePath(QLatin1String(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), qint64(bytes.size()));
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDatasetBadInput)
#include "tst_datasetbadinput.moc"
