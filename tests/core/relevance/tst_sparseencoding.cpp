// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/builtinencoder.h"
#include "core/relevance/relevance.h"

#include <QtTest>

#include <cmath>

namespace {

/// Hands out fixed dense vectors, so that the default Encoder::encodeSparse() and analyse() over it are checked
/// against the dense arithmetic below.
class FixedEncoder final : public wb::relevance::Encoder {
public:
    explicit FixedEncoder(std::vector<wb::relevance::Vector> vectors)
        : m_vectors(std::move(vectors))
    {
    }
    std::string id() const override { return "fixed"; }
    wb::Result<std::vector<wb::relevance::Vector>> encode(const std::vector<std::string>& texts) override
    {
        if (texts.size() != m_vectors.size())
            return wb::makeError(wb::ErrorCode::Usage, "wrong count");
        return m_vectors;
    }

private:
    std::vector<wb::relevance::Vector> m_vectors;
};

/// The dense cosine analyse() computed before it went sparse: dot over all components, then / |a| / |b|.
double denseCosine(const wb::relevance::Vector& a, const wb::relevance::Vector& b)
{
    double dot = 0.0, na = 0.0, nb = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * double(b[i]);
        na += double(a[i]) * double(a[i]);
        nb += double(b[i]) * double(b[i]);
    }
    const double ia = na > 0.0 ? 1.0 / std::sqrt(na) : 0.0;
    const double ib = nb > 0.0 ? 1.0 / std::sqrt(nb) : 0.0;
    return dot * ia * ib;
}

const std::vector<std::string> kTexts = { "Mr.Angstadt has 120 students throughout the school day.",
    "Half of them are enrolled in Statistics.", "Of the students in Statistics, 90 percent are seniors.",
    "The shoe size of Tom's sister is 3,500.", "", "the of and", "How many of Mr.Angstadt's students are seniors?" };

} // namespace

class TestSparseEncoding final : public QObject {
    Q_OBJECT
private slots:
    void builtinSparseEqualsDense()
    {
        wb::relevance::BuiltinEncoder encoder;
        const std::vector<std::string_view> views(kTexts.begin(), kTexts.end());
        std::vector<wb::relevance::SparseVector> sparse;
        QVERIFY(encoder.encodeSparse(views, sparse).ok());
        QCOMPARE(sparse.size(), kTexts.size());
        for (std::size_t i = 0; i < kTexts.size(); ++i) {
            wb::relevance::SparseVector expected;
            wb::relevance::toSparse(encoder.encodeOne(kTexts[i]), expected);
            QCOMPARE(sparse[i].indices, expected.indices);
            QCOMPARE(sparse[i].values, expected.values); // bit for bit, not approximately
            QVERIFY(!sparse[i].indices.empty()); // every vector has at least its bias component
        }
    }

    void toSparseKeepsNonZerosInOrder()
    {
        wb::relevance::SparseVector s;
        wb::relevance::toSparse({ 0.0f, 1.5f, 0.0f, -2.0f }, s);
        QCOMPARE(s.indices, (std::vector<std::uint32_t> { 1, 3 }));
        QCOMPARE(s.values, (std::vector<float> { 1.5f, -2.0f }));
    }

    void analyseMatchesDenseArithmetic()
    {
        // dense vectors with zeros in different places and one zero vector (unrelated to everything)
        const std::vector<wb::relevance::Vector> dense = { { 0.1f, 0.0f, 0.3f, 0.0f, 0.7f },
            { 0.0f, 0.2f, 0.3f, 0.0f, 0.1f }, { 0.0f, 0.0f, 0.0f, 0.0f, 0.0f }, { 0.9f, 0.1f, 0.0f, 0.4f, 0.2f } };
        FixedEncoder encoder(dense);
        auto report = wb::relevance::analyse(encoder, { "a 1", "b 2", "c 3" }, "q?");
        QVERIFY(report.ok());
        for (std::size_t i = 0; i < 3; ++i) {
            QVERIFY(report->sq[i] == denseCosine(dense[i], dense[3])); // exact: QCOMPARE on doubles is fuzzy
            for (std::size_t j = 0; j < 3; ++j)
                if (i != j)
                    QVERIFY(report->matrix[i][j] == denseCosine(dense[i], dense[j]));
        }
        QCOMPARE(report->sq[2], 0.0);
    }

    void analyseWithBuiltinMatchesDenseArithmetic()
    {
        wb::relevance::BuiltinEncoder encoder;
        const std::vector<std::string> conditions(kTexts.begin(), kTexts.end() - 1);
        auto report = wb::relevance::analyse(encoder, conditions, kTexts.back());
        QVERIFY(report.ok());
        const wb::relevance::Vector q = encoder.encodeOne(kTexts.back());
        for (std::size_t i = 0; i < conditions.size(); ++i) {
            const wb::relevance::Vector c = encoder.encodeOne(conditions[i]);
            QVERIFY(report->sq[i] == denseCosine(c, q));
            for (std::size_t j = i + 1; j < conditions.size(); ++j)
                QVERIFY(report->matrix[i][j] == denseCosine(c, encoder.encodeOne(conditions[j])));
        }
    }

    void encoderErrorsPassThrough()
    {
        FixedEncoder encoder(std::vector<wb::relevance::Vector> { wb::relevance::Vector { 1.0f } });
        auto report = wb::relevance::analyse(encoder, { "a 1", "b 2" }, "q?");
        QVERIFY(!report.ok());
        QCOMPARE(report.error().message, std::string("wrong count"));
    }
};

QTEST_GUILESS_MAIN(TestSparseEncoding)
#include "tst_sparseencoding.moc"
