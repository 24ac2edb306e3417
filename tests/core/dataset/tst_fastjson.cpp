// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/fastjson.h"
#include "support/testpaths.h"

#include <QtTest>

#include <fstream>

using nlohmann::json;

/// The fast parser must give exactly what nlohmann gives, or decline so that nlohmann decides.
class TestFastJson final : public QObject {
    Q_OBJECT
private slots:
    void sameAsNlohmann_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("fastAccepts");
        QTest::newRow("object") << QByteArray(
            "{\"a\": \"x\", \"b\": 1, \"c\": -2, \"d\": 2.5, \"e\": [true, false, null]}")
                                << true;
        QTest::newRow("escapes") << QByteArray("{\"s\": \"q\\\"b\\\\s\\/n\\nt\\tu\\u00e9\\u2019\"}") << true;
        QTest::newRow("surrogate pair") << QByteArray("[\"\\ud83d\\ude00\"]") << true;
        QTest::newRow("utf8 raw") << QByteArray("[\"caf\xC3\xA9 \xE2\x82\xAC\"]") << true;
        QTest::newRow("exponent") << QByteArray("[1e3, -2.5E-2, 0.0, -0]") << true;
        QTest::newRow("big unsigned") << QByteArray("[18446744073709551615]") << true;
        QTest::newRow("blank space") << QByteArray(" \r\n\t{ \"a\" :\n[ ] , \"b\" : { } }  ") << true;
        QTest::newRow("repeated key") << QByteArray("{\"a\": 1, \"a\": 2}") << true;
        QTest::newRow("overflowing integer") << QByteArray("[123456789012345678901234567890]") << false;
        QTest::newRow("leading zero") << QByteArray("[01]") << false;
        QTest::newRow("trailing comma") << QByteArray("[1,]") << false;
        QTest::newRow("lone low surrogate") << QByteArray("[\"\\udc00\"]") << false;
        QTest::newRow("control character") << QByteArray("[\"a\x01\"]") << false;
        QTest::newRow("bad escape") << QByteArray("[\"\\x\"]") << false;
        QTest::newRow("truncated") << QByteArray("{\"a\": \"b") << false;
        QTest::newRow("two values") << QByteArray("{} {}") << false;
        QTest::newRow("bare word") << QByteArray("[nul]") << false;
        QTest::newRow("point without digits") << QByteArray("[1.]") << false;
    }
    void sameAsNlohmann()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, fastAccepts);
        const std::string text(input.constData(), std::size_t(input.size()));
        json fast;
        QCOMPARE(wb::dataset::parseJsonFast(text, fast, 64), fastAccepts);
        const json reference = json::parse(text, nullptr, false);
        if (fastAccepts) {
            QVERIFY(!reference.is_discarded());
            QCOMPARE(QString::fromStdString(fast.dump()), QString::fromStdString(reference.dump()));
            QVERIFY(fast == reference);
        }
    }

    void depthLimit()
    {
        json out;
        const std::string ok = std::string(64, '[') + std::string(64, ']');
        const std::string deep = std::string(65, '[') + std::string(65, ']');
        QVERIFY(wb::dataset::parseJsonFast(ok, out, 64));
        QVERIFY(!wb::dataset::parseJsonFast(deep, out, 64));
    }

    void everyGsm8kRecordMatchesNlohmann()
    {
        WB_REQUIRE_SHARED_DATASETS();
        std::ifstream in(wb::test::sharedPath("gsm8k/train.jsonl"));
        std::string line;
        int records = 0;
        while (std::getline(in, line)) {
            json fast;
            QVERIFY(wb::dataset::parseJsonFast(line, fast, 64));
            QVERIFY(fast == json::parse(line));
            ++records;
        }
        QCOMPARE(records, 7473);
    }
};

QTEST_GUILESS_MAIN(TestFastJson)
#include "tst_fastjson.moc"
