// SPDX-License-Identifier: Apache-2.0
#include "core/common/csv.h"

#include <QtTest>

namespace {

using wb::csv::Cell;
using wb::csv::Row;

/// Feeds `text` to a RowReader in chunks of `chunk` bytes and collects every row, or the reader's error.
wb::Result<std::vector<Row>> readRows(std::string_view text, std::size_t chunk = 4096)
{
    wb::csv::RowReader reader;
    std::vector<Row> rows;
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::string_view piece = rest.substr(0, chunk);
        std::size_t used = 0;
        while (used < piece.size()) {
            used += reader.feed(piece.substr(used));
            if (reader.hasRow())
                rows.push_back(reader.takeRow());
        }
        rest.remove_prefix(piece.size());
    }
    if (auto finished = reader.finish("t.csv"); !finished)
        return finished.error();
    if (reader.hasRow())
        rows.push_back(reader.takeRow());
    return rows;
}

QStringList fieldsOf(const Row& row)
{
    QStringList fields;
    for (const std::string& field : row.fields)
        fields << QString::fromStdString(field);
    return fields;
}

} // namespace

class TestCsv final : public QObject {
    Q_OBJECT
private slots:
    void readsFieldsAndLines_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("whole") << 4096;
        QTest::newRow("byte by byte") << 1;
        QTest::newRow("three bytes") << 3;
    }
    void readsFieldsAndLines()
    {
        QFETCH(int, chunk);
        const std::string text = "id,text,answer\r\n"
                                 "1,\"Ann has 3 cats,\nand 2 dogs.\n\nHow many?\",5\r\n"
                                 "\n"
                                 "2,\"say \"\"hi\"\"\",\r\n"
                                 "3,plain,7";
        auto rows = readRows(text, std::size_t(chunk));
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().toString().c_str());
        QCOMPARE(rows->size(), std::size_t(4));
        QCOMPARE(fieldsOf((*rows)[0]),
            (QStringList { QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("answer") }));
        QCOMPARE((*rows)[0].line, std::uint64_t(1));
        QCOMPARE(fieldsOf((*rows)[1]),
            (QStringList { QStringLiteral("1"), QStringLiteral("Ann has 3 cats,\nand 2 dogs.\n\nHow many?"),
                QStringLiteral("5") }));
        QCOMPARE((*rows)[1].line, std::uint64_t(2));
        QCOMPARE((*rows)[1].raw, std::string("1,\"Ann has 3 cats,\nand 2 dogs.\n\nHow many?\",5\r"));
        // The quoted field spans lines 2-5 and line 6 is blank, so the next row starts on line 7.
        QCOMPARE(fieldsOf((*rows)[2]), (QStringList { QStringLiteral("2"), QStringLiteral("say \"hi\""), QString() }));
        QCOMPARE((*rows)[2].line, std::uint64_t(7));
        QCOMPARE(
            fieldsOf((*rows)[3]), (QStringList { QStringLiteral("3"), QStringLiteral("plain"), QStringLiteral("7") }));
        QCOMPARE((*rows)[3].line, std::uint64_t(8));
    }

    void startsFromAGivenPosition()
    {
        wb::csv::RowReader reader(wb::csv::Position { 4, 30, 28 });
        QCOMPARE(reader.feed("a,\"b\nc\"\nd\n"), std::size_t(8));
        QVERIFY(reader.hasRow());
        QCOMPARE(reader.takeRow().line, std::uint64_t(4));
        QCOMPARE(reader.position().line, std::uint64_t(6));
        QCOMPARE(reader.position().offset, std::uint64_t(38));
        QCOMPARE(reader.position().lineStart, std::uint64_t(38));
    }

    void unterminatedQuoteNamesItsLine()
    {
        auto rows = readRows("a,b\n1,2\n3,\"open\nstill open\n");
        QVERIFY(!rows.ok());
        QCOMPARE(rows.error().code, wb::ErrorCode::InvalidInput);
        QCOMPARE(rows.error().location, std::string("t.csv:3"));
    }

    void blankInputHasNoRows()
    {
        auto rows = readRows("\r\n\n\r\n");
        QVERIFY(rows.ok());
        QVERIFY(rows->empty());
    }

    void formatsFields_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("untrusted");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("abc") << true << QByteArray("abc");
        QTest::newRow("empty") << QByteArray("") << true << QByteArray("");
        QTest::newRow("comma") << QByteArray("a,b") << true << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QByteArray("say \"hi\"") << true << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QByteArray("a\nb") << true << QByteArray("\"a\nb\"");
        QTest::newRow("carriage return inside") << QByteArray("a\rb") << true << QByteArray("\"a\rb\"");
        QTest::newRow("leading space") << QByteArray(" a") << true << QByteArray("\" a\"");
        QTest::newRow("unicode") << QByteArray("θ ✓") << true << QByteArray("θ ✓");
        // Spreadsheet formulas in untrusted text become text.
        QTest::newRow("equals") << QByteArray("=1+1") << true << QByteArray("'=1+1");
        QTest::newRow("plus") << QByteArray("+1") << true << QByteArray("'+1");
        QTest::newRow("minus") << QByteArray("-2+3+cmd|' /C calc'!A0") << true << QByteArray("'-2+3+cmd|' /C calc'!A0");
        QTest::newRow("at") << QByteArray("@SUM(A1)") << true << QByteArray("'@SUM(A1)");
        QTest::newRow("tab") << QByteArray("\t=1") << true << QByteArray("'\t=1");
        QTest::newRow("carriage return first") << QByteArray("\r=1") << true << QByteArray("\"'\r=1\"");
        QTest::newRow("formula with comma")
            << QByteArray("=HYPERLINK(\"x\",\"y\")") << true << QByteArray("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        QTest::newRow("formula char later") << QByteArray("a=1") << true << QByteArray("a=1");
        // Values the program writes itself are left alone.
        QTest::newRow("our negative number") << QByteArray("-3.5") << false << QByteArray("-3.5");
        QTest::newRow("our dash") << QByteArray("-") << false << QByteArray("-");
        QTest::newRow("our text with comma") << QByteArray("a,b") << false << QByteArray("\"a,b\"");
    }
    void formatsFields()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, untrusted);
        QFETCH(QByteArray, expected);
        const std::string text = value.toStdString();
        const Cell cell = untrusted ? Cell::untrusted(text) : Cell::ours(text);
        QCOMPARE(QByteArray::fromStdString(wb::csv::formatField(cell)), expected);
    }

    void roundTrip()
    {
        const std::vector<std::vector<std::string>> table { { "index", "answer", "error" }, { "0", "42", "" },
            { "1", "He said \"no\", twice", "line one\nline two" }, { "2", "  spaced  ", "trailing\r\n" },
            { "3", "θ ≠ ∅", "," } };
        std::string text;
        for (const auto& row : table) {
            std::vector<Cell> cells;
            for (const std::string& value : row)
                cells.push_back(Cell::untrusted(value));
            text += wb::csv::formatRow(cells);
        }
        QVERIFY(text.size() > 2 && text.substr(text.size() - 2) == "\r\n");
        auto rows = readRows(text, 5);
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().toString().c_str());
        QCOMPARE(rows->size(), table.size());
        for (std::size_t i = 0; i < table.size(); ++i)
            QCOMPARE((*rows)[i].fields, table[i]);
    }

    void neutralisedFormulaReadsBackAsText()
    {
        auto rows = readRows(wb::csv::formatRow({ Cell::untrusted("=cmd()"), Cell::ours("-1") }));
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), std::size_t(1));
        QCOMPARE(fieldsOf(rows->front()), (QStringList { QStringLiteral("'=cmd()"), QStringLiteral("-1") }));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
