// SPDX-License-Identifier: Apache-2.0
#include "core/common/sha256.h"

#include <QtTest>

#include <string>

namespace {

/// Digest of `data` fed in pieces of `piece` bytes (0 = all at once), with the SHA extensions allowed or not.
std::string digest(const std::string& data, std::size_t piece, bool hardware)
{
    wb::Sha256::allowHardware(hardware);
    wb::Sha256 hash;
    if (piece == 0) {
        hash.update(data);
    } else {
        for (std::size_t at = 0; at < data.size(); at += piece)
            hash.update(std::string_view(data).substr(at, piece));
    }
    std::string hex = hash.finishHex();
    wb::Sha256::allowHardware(true);
    return hex;
}

} // namespace

/// Both compression paths (portable and SHA-NI) and the whole-block fast path of update(); tst_common holds
/// the FIPS vectors for the default path.
class TestSha256 final : public QObject {
    Q_OBJECT
private slots:
    void vectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc") << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("896 bits") << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmn"
                                                "opjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                                  << "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1";
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }
    void vectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        const std::string data(input.constData(), std::size_t(input.size()));
        for (bool hardware : { false, true })
            for (std::size_t piece : { std::size_t(0), std::size_t(1), std::size_t(63), std::size_t(64),
                     std::size_t(65), std::size_t(1000) })
                QCOMPARE(QString::fromStdString(digest(data, piece, hardware)), expected);
    }

    void pathsAgreeOnEveryLength()
    {
        std::string data;
        for (int i = 0; i < 300; ++i)
            data += char((i * 131 + 7) & 0xFF);
        for (std::size_t length = 0; length <= data.size(); ++length) {
            const std::string part = data.substr(0, length);
            QCOMPARE(digest(part, 0, true), digest(part, 0, false));
        }
    }

    void acceleratedOnlyWhenAllowed()
    {
        wb::Sha256::allowHardware(false);
        QVERIFY(!wb::Sha256::hardwareAccelerated());
        wb::Sha256::allowHardware(true);
        qInfo() << "SHA extensions in use:" << wb::Sha256::hardwareAccelerated();
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
