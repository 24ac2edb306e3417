// SPDX-License-Identifier: Apache-2.0
#include "core/common/text.h"
#include "core/relevance/builtinencoder.h"
#include "core/relevance/relevance.h"
#include "core/relevance/summary.h"
#include "core/segment/segmenter.h"
#include "support/testpaths.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>
#include <QtTest>

#include <cmath>
#include <fstream>

namespace {

double cosine(const wb::relevance::Vector& a, const wb::relevance::Vector& b)
{
    double dot = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        dot += double(a[i]) * double(b[i]);
    return dot; // both are unit vectors
}

nlohmann::json readJson(const std::string& path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in, nullptr, false);
}

/// GSM-IC-1K record -> Problem, with the inserted sentence (field "equation") as the gold irrelevant condition.
std::vector<wb::dataset::Problem> loadGsmIc(const char* file)
{
    std::vector<wb::dataset::Problem> out;
    const nlohmann::json data = readJson(wb::test::sharedPath("gsm-ic-1k/") + file);
    if (!data.is_array())
        return out;
    for (const nlohmann::json& x : data) {
        wb::dataset::Problem p;
        p.index = out.size();
        p.text = x.at("problem").get<std::string>();
        p.conditions = x.at("conditions").get<std::vector<std::string>>();
        p.question = x.at("question").get<std::string>();
        p.segmentationFromSource = true;
        const std::string inserted = wb::text::alnumKey(x.at("equation").get<std::string>());
        for (std::size_t i = 0; i < p.conditions.size(); ++i)
            if (wb::text::alnumKey(p.conditions[i]) == inserted)
                p.goldIrrelevant.push_back(int(i));
        p.hasGoldAnnotation = true;
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<wb::dataset::Problem> loadI3c(const char* name)
{
    std::vector<wb::dataset::Problem> out;
    const nlohmann::json data = readJson(wb::test::sharedPath("i3c-preprocessed/test_data/") + name + ".json");
    if (!data.is_array())
        return out;
    for (const nlohmann::json& x : data) {
        wb::dataset::Problem p;
        p.index = out.size();
        p.text = x.at("original_question").get<std::string>();
        p.conditions = x.at("condition_sentences").get<std::vector<std::string>>();
        p.question = x.at("question_sentence").get<std::string>();
        p.segmentationFromSource = true;
        p.goldIrrelevant = x.at("gold_ic_idx").get<std::vector<int>>();
        p.hasGoldAnnotation = !p.goldIrrelevant.empty();
        p.referenceSq = x.at("condition_question_similarity").get<std::vector<double>>();
        p.referenceCandidates = x.at("cand_ic_idx").get<std::vector<int>>();
        out.push_back(std::move(p));
    }
    return out;
}

wb::relevance::RelevanceSummary summarise(const std::vector<wb::dataset::Problem>& problems)
{
    wb::relevance::BuiltinEncoder encoder;
    wb::relevance::SummaryAccumulator acc;
    for (const auto& p : problems) {
        const auto report = wb::relevance::analyse(encoder, p.conditions, p.question);
        if (!report)
            qFatal("analyse failed: %s", report.error().toString().c_str());
        acc.add(p, *report);
    }
    return acc.summary();
}

} // namespace

class TestBuiltinEncoder final : public QObject {
    Q_OBJECT
private slots:
    void deterministicAndUnitLength()
    {
        wb::relevance::BuiltinEncoder a;
        wb::relevance::BuiltinEncoder b;
        const std::vector<std::string> texts = { "Tom has 5 apples.", "", "How many apples does Tom have?" };
        const auto va = a.encode(texts);
        const auto vb = b.encode(texts);
        QVERIFY(va.ok() && vb.ok());
        QCOMPARE(va->size(), texts.size());
        QCOMPARE(*va, *vb);
        QCOMPARE(a.encodeOne(texts[0]), (*va)[0]);
        QCOMPARE(a.id(), std::string("builtin-v1"));
        for (const auto& v : *va) {
            QCOMPARE(int(v.size()), wb::relevance::BuiltinEncoder::kDimensions);
            QVERIFY(std::abs(cosine(v, v) - 1.0) < 1e-5);
        }
    }

    void similaritySanity_data()
    {
        QTest::addColumn<QString>("anchor");
        QTest::addColumn<QString>("closer");
        QTest::addColumn<QString>("farther");
        QTest::newRow("shared topic") << "How many cats do they have left?"
                                      << "A pet store had 13 siamese cats."
                                      << "The school bus leaves at noon.";
        QTest::newRow("plural and irregular forms") << "The children bought mice."
                                                    << "A child buys a mouse."
                                                    << "A farmer sells a horse.";
        QTest::newRow("same number") << "She paid $1,200 for it."
                                     << "It cost 1200 dollars."
                                     << "It cost 300 dollars.";
        QTest::newRow("rare word outweighs common one") << "How many marbles does Sam have?"
                                                        << "Sam lost 3 marbles."
                                                        << "Sam does have a day off.";
    }
    void similaritySanity()
    {
        QFETCH(QString, anchor);
        QFETCH(QString, closer);
        QFETCH(QString, farther);
        wb::relevance::BuiltinEncoder e;
        const auto a = e.encodeOne(anchor.toStdString());
        const double near = cosine(a, e.encodeOne(closer.toStdString()));
        const double far = cosine(a, e.encodeOne(farther.toStdString()));
        QVERIFY2(near > far, qPrintable(QStringLiteral("%1 <= %2").arg(near).arg(far)));
    }

    void calibratedScale()
    {
        // Unrelated texts land at b^2/(1+b^2), identical ones at 1 (see builtinencoder.h).
        wb::relevance::BuiltinEncoder e;
        const double b = wb::relevance::BuiltinEncoder::kCalibrationBias;
        const double unrelated = cosine(e.encodeOne("zebra giraffe"), e.encodeOne("violin concerto"));
        QVERIFY(std::abs(unrelated - b * b / (1 + b * b)) < 0.02);
        QVERIFY(std::abs(cosine(e.encodeOne("violin concerto"), e.encodeOne("Violin concertos")) - 1.0) < 1e-5);
    }

    void analyseReport()
    {
        wb::relevance::BuiltinEncoder e;
        const auto r = wb::relevance::analyse(e,
            { "Grover bought 3 boxes of face masks.", "He plans to sell them for $0.50 each.",
                "Grover's brother made a salary of $10000 last year." },
            "If each box has 20 face masks, and Grover bought the 3 boxes for $15, how much will be his total profit?");
        QVERIFY(r.ok());
        QCOMPARE(r->encoderId, std::string("builtin-v1"));
        QCOMPARE(r->matrix.size(), std::size_t(3));
        QCOMPARE(r->matrix[0][0], 1.0);
        QCOMPARE(r->matrix[0][2], r->matrix[2][0]);
        QCOMPARE(r->sc[1], (r->matrix[1][0] + r->matrix[1][2]) / 2.0);
        QCOMPARE(r->newActors, (std::vector<int> { 0, 0, 1 }));
        QCOMPARE(r->leastRelevant, 2);
        const auto single = wb::relevance::analyse(e, { "He has 5 apples." }, "How many apples?");
        QVERIFY(single.ok());
        QVERIFY(std::isnan(single->sc[0]));
        const auto none = wb::relevance::analyse(e, {}, "How many apples?");
        QVERIFY(none.ok());
        QCOMPARE(none->leastRelevant, -1);
        QVERIFY(std::isnan(none->confusionScore));
    }

    /// The inserted irrelevant sentence of GSM-IC should be the least relevant condition.
    void gsmIcLowestIsInserted_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<double>("target");
        QTest::newRow("GSM-IC2") << "GSM-IC2.json" << 0.80;
        QTest::newRow("GSM-ICM") << "GSM-ICM.json" << 0.75;
    }
    void gsmIcLowestIsInserted()
    {
        WB_REQUIRE_SHARED_DATASETS();
        QFETCH(QString, file);
        QFETCH(double, target);
        const auto problems = loadGsmIc(file.toStdString().c_str());
        QCOMPARE(problems.size(), std::size_t(1000));
        const auto s = summarise(problems);
        QCOMPARE(s.annotatedProblems, std::size_t(1000));
        qInfo("%s: lowest-is-inserted %.3f (by s(q) alone %.3f), inserted sentence in candidates %.3f, mean candidates "
              "%.2f, "
              "segmentation agreement %.3f",
            qPrintable(file), s.lowestIsGoldRate, s.lowestSqIsGoldRate, s.goldRecall, s.meanCandidates,
            s.segmentationAgreement);
        QVERIFY2(s.lowestIsGoldRate >= target, qPrintable(QString::number(s.lowestIsGoldRate)));
    }

    /// Figures on the six I3C sets (docs/relevance.md): Pearson vs the stored SimCSE s(q), candidates, gold recall.
    void i3cFigures()
    {
        WB_REQUIRE_SHARED_DATASETS();
        for (const char* name : { "AddSub", "GSM8K", "MultiArith", "SVAMP", "SingleEq", "SingleOp" }) {
            const auto problems = loadI3c(name);
            QVERIFY2(!problems.empty(), name);
            const auto s = summarise(problems);
            qInfo("%-10s pearson %.3f  mean candidates %.2f  no-candidate problems %zu  gold recall %zu/%zu  "
                  "lowest-is-gold %zu/%zu",
                name, s.pearsonVsReference, s.meanCandidates, s.problemsWithoutCandidates, s.goldInCandidates,
                s.goldIrrelevant, s.lowestIsGold, s.annotatedProblems);
            // A lexical encoder is no SimCSE, but its s(q) must clearly follow the same ordering.
            QVERIFY2(s.pearsonVsReference > 0.5, name);
            QVERIFY2(s.meanCandidates > 0.5 && s.meanCandidates < 2.5, name);
            const nlohmann::json j = wb::relevance::toJson(s);
            QCOMPARE(j.at("problems").get<std::size_t>(), problems.size());
        }
    }

    /// Segment + score every I3C and GSM-IC problem and report the rate (printed, not asserted).
    void throughput()
    {
        WB_REQUIRE_SHARED_DATASETS();
        std::vector<std::string> texts;
        for (const char* name : { "AddSub", "GSM8K", "MultiArith", "SVAMP", "SingleEq", "SingleOp" })
            for (const auto& p : loadI3c(name))
                texts.push_back(p.text);
        for (const char* file : { "GSM-IC2.json", "GSM-ICM.json" })
            for (const auto& p : loadGsmIc(file))
                texts.push_back(p.text);
        wb::relevance::BuiltinEncoder encoder;
        std::size_t candidates = 0;
        QElapsedTimer timer;
        timer.start();
        for (const std::string& t : texts) {
            const auto seg = wb::segment::segmentText(t);
            const auto r = wb::relevance::analyse(encoder, seg.conditions, seg.question);
            QVERIFY(r.ok());
            candidates += r->candidates.size();
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        qInfo("segment+analyse: %zu problems in %.3f s = %.0f problems/s (%zu candidates)", texts.size(), seconds,
            double(texts.size()) / seconds, candidates);
        QVERIFY(candidates > 0);
    }
};

QTEST_GUILESS_MAIN(TestBuiltinEncoder)
#include "tst_builtinencoder.moc"
