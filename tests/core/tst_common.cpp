// SPDX-License-Identifier: Apache-2.0
#include "core/common/result.h"
#include "core/common/sha256.h"
#include "core/common/text.h"

#include <QtTest>

class TestCommon final : public QObject {
    Q_OBJECT
private slots:
    void sha256_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc") << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }
    void sha256()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        QCOMPARE(QString::fromStdString(wb::Sha256::hex(std::string_view(input.constData(), input.size()))), digest);
    }
    void utf8Validation_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("badAt");
        QTest::newRow("ascii") << QByteArray("plain") << -1;
        QTest::newRow("euro") << QByteArray("cost \xE2\x82\xAC"
                                            "5")
                              << -1;
        QTest::newRow("lone continuation") << QByteArray("ab\x80") << 2;
        QTest::newRow("truncated") << QByteArray("ab\xE2\x82") << 2;
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << 0;
        QTest::newRow("surrogate") << QByteArray("x\xED\xA0\x80") << 1;
    }
    void utf8Validation()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, badAt);
        const std::size_t at = wb::text::firstInvalidUtf8(std::string_view(input.constData(), input.size()));
        QCOMPARE(at == std::string_view::npos ? -1 : int(at), badAt);
    }
    void resultHoldsValueOrError()
    {
        wb::Result<int> good(5);
        QVERIFY(good.ok());
        QCOMPARE(*good, 5);
        wb::Result<int> bad(wb::makeError(wb::ErrorCode::InvalidInput, "bad field", "f.json:3"));
        QVERIFY(!bad.ok());
        QCOMPARE(QString::fromStdString(bad.error().toString()), QStringLiteral("f.json:3: bad field"));
    }
    void alnumKey()
    {
        QCOMPARE(
            QString::fromStdString(wb::text::alnumKey("A pet-store, 13 Cats.")), QStringLiteral("apetstore13cats"));
    }
};

QTEST_GUILESS_MAIN(TestCommon)
#include "tst_common.moc"
