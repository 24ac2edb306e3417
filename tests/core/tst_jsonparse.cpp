// SPDX-License-Identifier: Apache-2.0
#include "core/common/jsonparse.h"

#include <QtTest>

#include <limits>

/// The one JSON entry point of the project: it never throws, and every failure names the line and column.
class TestJsonParse final : public QObject {
    Q_OBJECT
private slots:
    void failures_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << QByteArray("{\n  \"a\": }") << "f.json:2:8"
                                << "unexpected '}'";
        QTest::newRow("1e400") << QByteArray("{\"a\":\n 1e400}") << "f.json:2:"
                               << "number overflow parsing '1e400'";
        QTest::newRow("310 digits") << QByteArray("[") + QByteArray(310, '7') + QByteArray("]") << "f.json:1:"
                                    << "number overflow parsing '777";
        QTest::newRow("too deep") << QByteArray(300, '[') + QByteArray(300, ']') << "f.json:1:257"
                                  << "nested deeper than 256 levels";
        QTest::newRow("empty") << QByteArray() << "f.json:1:1"
                               << "invalid JSON";
    }
    void failures()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, location);
        QFETCH(QString, message);
        const auto parsed = wb::parseJson(text.toStdString(), "f.json");
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, wb::ErrorCode::InvalidInput);
        const QString where = QString::fromStdString(parsed.error().location);
        QVERIFY2(where.startsWith(location), qPrintable(where));
        QVERIFY2(QString::fromStdString(parsed.error().message).contains(message), parsed.error().message.c_str());
        QVERIFY2(!QString::fromStdString(parsed.error().message).contains(QStringLiteral("[json.exception")),
            parsed.error().message.c_str());
    }

    void validDocumentsParse()
    {
        const auto parsed = wb::parseJson(R"({"a": [1, 2.5, "x", null, true], "b": 1.7976931348623157e308})", "f");
        QVERIFY(parsed.ok());
        QCOMPARE((*parsed)["a"][1].get<double>(), 2.5);
        QCOMPARE((*parsed)["b"].get<double>(), std::numeric_limits<double>::max());
    }

    void nestingScanSkipsStrings()
    {
        const std::string ok = std::string(64, '[') + std::string(64, ']');
        const std::string deep = std::string(65, '[') + std::string(65, ']');
        QCOMPARE(wb::jsonNestingExceededAt(ok, 64), std::string::npos);
        QCOMPARE(wb::jsonNestingExceededAt(deep, 64), std::size_t(64));
        QCOMPARE(wb::jsonNestingExceededAt("[\"[[[[\", {\"a\": \"]]]\"}]", 2), std::string::npos);
    }

    void integerConversionsAreRangeChecked()
    {
        using nlohmann::json;
        QCOMPARE(*wb::jsonToInt64(json(42), "n"), std::int64_t(42));
        QCOMPARE(*wb::jsonToInt64(json(3.0), "n"), std::int64_t(3));
        QCOMPARE(*wb::jsonToInt64(json(std::numeric_limits<std::int64_t>::min()), "n"),
            std::numeric_limits<std::int64_t>::min());
        QVERIFY(!wb::jsonToInt64(json(1e308), "n").ok());
        QVERIFY(!wb::jsonToInt64(json(9223372036854775808.0), "n").ok());
        QVERIFY(!wb::jsonToInt64(json(std::uint64_t(1) << 63), "n").ok());
        QVERIFY(!wb::jsonToInt64(json(2.5), "n").ok());
        QVERIFY(!wb::jsonToInt64(json("3"), "n").ok());
        QCOMPARE(*wb::jsonToInt(json(-7), "n"), -7);
        const auto wide = wb::jsonToInt(json(std::int64_t(1) << 40), "steps[0].n");
        QVERIFY(!wide.ok());
        QCOMPARE(wide.error().field, std::string("steps[0].n"));
        QVERIFY(wide.error().message.find("steps[0].n") != std::string::npos);
        QCOMPARE(*wb::jsonToDouble(json(2), "x"), 2.0);
        QVERIFY(!wb::jsonToDouble(json::array(), "x").ok());
    }
};

QTEST_GUILESS_MAIN(TestJsonParse)
#include "tst_jsonparse.moc"
