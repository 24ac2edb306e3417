// SPDX-License-Identifier: Apache-2.0
#include "core/common/sha256.h"

#include <QtTest>

#include <string>

namespace {

/// Digest of `data` fed in pieces of `piece` bytes (0 = all at once).
std::string digest(const std::string& data, std::size_t piece)
{
    wb::Sha256 hash;
    if (piece == 0) {
        hash.update(data);
    } else {
        for (std::size_t at = 0; at < data.size(); at += piece)
            hash.update(std::string_view(data).substr(at, piece));
    }
    return hash.finishHex();
}

} // namespace

/// The facade over libcrypto: FIPS 180-4 vectors fed whole and in pieces that straddle block boundaries, the
/// one-call form, and reuse after finish().
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
        for (std::size_t piece :
            { std::size_t(0), std::size_t(1), std::size_t(63), std::size_t(64), std::size_t(65), std::size_t(1000) })
            QCOMPARE(QString::fromStdString(digest(data, piece)), expected);
        QCOMPARE(QString::fromStdString(wb::Sha256::hex(data)), expected);
    }

    void piecesAgreeOnEveryLength()
    {
        std::string data;
        for (int i = 0; i < 300; ++i)
            data += char((i * 131 + 7) & 0xFF);
        for (std::size_t length = 0; length <= data.size(); ++length) {
            const std::string part = data.substr(0, length);
            QCOMPARE(digest(part, 7), wb::Sha256::hex(part));
        }
    }

    void startsOverAfterFinish()
    {
        wb::Sha256 hash;
        hash.update("not part of the next digest");
        const std::string first = hash.finishHex();
        QCOMPARE(first, wb::Sha256::hex("not part of the next digest"));
        hash.update("abc");
        QCOMPARE(hash.finishHex(), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        wb::Sha256 moved = std::move(hash);
        moved.update("abc");
        QCOMPARE(moved.finishHex(), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
