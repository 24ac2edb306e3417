// SPDX-License-Identifier: Apache-2.0
#include "core/common/text.h"
#include "core/dataset/loader.h"
#include "core/dataset/recordconverter.h"
#include "support/testpaths.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

using wb::dataset::Format;
using wb::dataset::LoadOptions;
using wb::dataset::Problem;

namespace {

std::string fixture(const char* name)
{
    return (wb::test::sourceDir() + QStringLiteral("/tests/data/datasets/") + QString::fromUtf8(name)).toStdString();
}

QString q(const std::string& s) { return QString::fromStdString(s); }

wb::dataset::Dataset load(const std::string& path, const LoadOptions& options = {})
{
    auto result = wb::dataset::loadDataset(path, options);
    if (!result)
        qWarning("%s", result.error().toString().c_str());
    return result ? std::move(result.value()) : wb::dataset::Dataset {};
}

} // namespace

class TestDatasetLoader final : public QObject {
    Q_OBJECT
private slots:
    void sharedDatasets_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("firstId");
        QTest::addColumn<double>("firstGold");
        QTest::addColumn<QString>("firstCondition"); // empty: segmented by the loader, not checked
        QTest::addColumn<int>("withGoldIrrelevant");
        QTest::addColumn<int>("annotated");
        // counts from ../shared/datasets/README.md
        QTest::newRow("i3c AddSub") << "i3c-preprocessed/test_data/AddSub.json"
                                    << "i3c" << 395 << "1" << 43.0 << "Joan found 70 seashells on the beach ." << 122
                                    << 395;
        QTest::newRow("i3c GSM8K") << "i3c-preprocessed/test_data/GSM8K.json"
                                   << "i3c" << 1319 << "1" << 18.0 << "Janet's ducks lay 16 eggs per day." << 82
                                   << 1319;
        QTest::newRow("i3c MultiArith") << "i3c-preprocessed/test_data/MultiArith.json"
                                        << "i3c" << 600 << "1" << 39.0
                                        << "For Halloween Debby and her sister combined the candy they received." << 0
                                        << 0;
        QTest::newRow("i3c SVAMP") << "i3c-preprocessed/test_data/SVAMP.json"
                                   << "i3c" << 1000 << "1" << 51.0 << "Each pack of dvds costs 76 dollars." << 367
                                   << 1000;
        QTest::newRow("i3c SingleEq") << "i3c-preprocessed/test_data/SingleEq.json"
                                      << "i3c" << 508 << "1" << 43.0 << "Joan found 70 seashells on the beach." << 0
                                      << 0;
        QTest::newRow("i3c SingleOp") << "i3c-preprocessed/test_data/SingleOp.json"
                                      << "i3c" << 562 << "1" << 14.0 << "" << 0 << 0;
        QTest::newRow("i3c demos") << "i3c-preprocessed/demonstrations/GSM8K.json"
                                   << "i3c-demos" << 8 << "1" << 24.0 << "" << 0 << 0;
        QTest::newRow("gsm8k test") << "gsm8k/test.jsonl"
                                    << "gsm8k" << 1319 << "1" << 18.0 << "" << 0 << 0;
        QTest::newRow("gsm8k train") << "gsm8k/train.jsonl"
                                     << "gsm8k" << 7473 << "1" << 72.0 << "" << 0 << 0;
        QTest::newRow("svamp") << "svamp/SVAMP.json"
                               << "svamp" << 1000 << "chal-1" << 51.0 << "" << 0 << 0;
        QTest::newRow("addsub") << "addsub/AddSub.json"
                                << "mawps" << 395 << "1" << 43.0 << "" << 0 << 0;
        QTest::newRow("multiarith") << "multiarith/MultiArith.json"
                                    << "mawps" << 600 << "0" << 39.0 << "" << 0 << 0;
        QTest::newRow("singleeq") << "singleeq/questions.json"
                                  << "mawps" << 508 << "0" << 43.0 << "" << 0 << 0;
        QTest::newRow("aqua test") << "aqua/test.json"
                                   << "aqua" << 254 << "1" << qQNaN() << "" << 0 << 0;
        QTest::newRow("aqua dev") << "aqua/dev.json"
                                  << "aqua" << 254 << "1" << 32400.0 << "" << 0 << 0;
        QTest::newRow("gsm-ic2 1k") << "gsm-ic-1k/GSM-IC2.json"
                                    << "gsm-ic-1k" << 1000 << "1" << 54.0
                                    << "Mr.Angstadt has 120 students throughout the school day." << 1000 << 1000;
        QTest::newRow("gsm-icm 1k") << "gsm-ic-1k/GSM-ICM.json"
                                    << "gsm-ic-1k" << 1000 << "1" << 195.0 << "Jim had 365 trading cards." << 1000
                                    << 1000;
        QTest::newRow("gsm-ic validation") << "gsm-ic-validation/gsm8k_validation.jsonl"
                                           << "jsonl" << 1000 << "1" << 8.0 << "" << 0 << 0;
    }
    void sharedDatasets()
    {
        WB_REQUIRE_SHARED_DATASETS();
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, count);
        QFETCH(QString, firstId);
        QFETCH(double, firstGold);
        QFETCH(QString, firstCondition);
        QFETCH(int, withGoldIrrelevant);
        QFETCH(int, annotated);
        const std::string path = wb::test::sharedPath(file.toUtf8().constData());
        const auto data = load(path);
        QCOMPARE(q(wb::dataset::formatName(data.info.format)), format);
        QCOMPARE(int(data.problems.size()), count);
        QCOMPARE(int(data.info.problemCount), count);
        QCOMPARE(int(data.info.skippedRecords), 0);
        QVERIFY(data.info.diagnostics.empty());
        const Problem& first = data.problems.front();
        QCOMPARE(q(first.id), firstId);
        QCOMPARE(first.index, std::size_t(0));
        QVERIFY(first.sourceLine >= 1 && first.sourceLine <= 2);
        if (std::isnan(firstGold)) {
            QVERIFY(!first.goldChoice.empty());
        } else {
            QVERIFY(first.goldNumber.has_value());
            QCOMPARE(*first.goldNumber, firstGold);
        }
        if (!firstCondition.isEmpty()) {
            QVERIFY(first.segmentationFromSource);
            QCOMPARE(q(first.conditions.front()), firstCondition);
            QVERIFY(!first.question.empty());
        }
        int gold = 0;
        int marked = 0;
        for (const Problem& p : data.problems) {
            gold += p.goldIrrelevant.empty() ? 0 : 1;
            marked += p.hasGoldAnnotation ? 1 : 0;
            QVERIFY2(!p.text.empty(), p.id.c_str());
            QVERIFY2(p.goldNumber.has_value() || !p.goldChoice.empty(), p.id.c_str());
        }
        QCOMPARE(gold, withGoldIrrelevant);
        QCOMPARE(marked, annotated);
        QCOMPARE(q(data.info.name), file.section(QLatin1Char('/'), -1));
    }

    void manifestsMatchSharedFiles()
    {
        WB_REQUIRE_SHARED_DATASETS();
        QDirIterator it(wb::test::sourceDir() + QStringLiteral("/datasets/manifests"), { QStringLiteral("*.json") });
        int checkedFiles = 0;
        while (it.hasNext()) {
            std::ifstream in(it.next().toStdString());
            const auto manifest = nlohmann::json::parse(in);
            for (const auto& file : manifest.at("files")) {
                if (file.at("records").is_null())
                    continue; // not among the shared files (GSM-IC full)
                const std::string format = file.value("format", manifest.at("format").get<std::string>());
                const auto data = load(wb::test::sharedPath(file.at("path").get<std::string>().c_str()));
                QCOMPARE(q(wb::dataset::formatName(data.info.format)), q(format));
                QCOMPARE(int(data.problems.size()), file.at("records").get<int>());
                ++checkedFiles;
            }
        }
        QCOMPARE(checkedFiles, 18);
    }

    void contentHashIsSha256OfFile()
    {
        WB_REQUIRE_SHARED_DATASETS();
        const std::string path = wb::test::sharedPath("gsm8k/train.jsonl"); // > 1 chunk
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray expected = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
        LoadOptions options;
        options.limit = 3; // stopping early must still hash the whole file
        const auto data = load(path, options);
        QCOMPARE(int(data.problems.size()), 3);
        QCOMPARE(q(data.info.contentHash), QString::fromLatin1(expected));
    }

    void contentHashAcrossChunkSizes_data()
    {
        QTest::addColumn<int>("bytes");
        QTest::newRow("small") << 300;
        QTest::newRow("one chunk exactly") << (1 << 20);
        QTest::newRow("one chunk and a byte") << (1 << 20) + 1;
        QTest::newRow("more chunks than the ring") << (5 << 20) + 7;
    }
    void contentHashAcrossChunkSizes()
    {
        QFETCH(int, bytes);
        QByteArray content;
        const QByteArray line
            = QByteArrayLiteral("{\"problem\": \"Kai has 2 pens. How many pens?\", \"answer\": \"2\"}\n");
        while (content.size() + line.size() <= bytes)
            content += line;
        content += QByteArray(bytes - content.size(), '\n'); // blank lines are skipped
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("sized.jsonl")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const auto data = load(file.fileName().toStdString());
        QCOMPARE(int(data.problems.size()), int(content.count(line)));
        QCOMPARE(q(data.info.contentHash),
            QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
    }

    void sniffRecord_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("format"); // empty: no format fits
        QTest::newRow("i3c")
            << "{\"original_question\": \"\", \"condition_sentences\": [], \"question_sentence\": \"\"}"
            << "i3c";
        QTest::newRow("gsm-ic") << "{\"new_question\": \"\", \"original_question\": \"\", \"answer\": \"1\"}"
                                << "gsm-ic";
        QTest::newRow("gsm-ic-1k")
            << "{\"problem\": \"\", \"conditions\": [], \"equation\": \"\", \"gold_answer\": \"1\"}"
            << "gsm-ic-1k";
        QTest::newRow("svamp") << "{\"ID\": \"x\", \"Body\": \"\", \"Question\": \"\", \"Answer\": 1}"
                               << "svamp";
        QTest::newRow("mawps") << "{\"iIndex\": 1, \"sQuestion\": \"\", \"lSolutions\": [1]}"
                               << "mawps";
        QTest::newRow("aqua options") << "{\"question\": \"\", \"options\": [], \"correct\": \"A\"}"
                                      << "aqua";
        QTest::newRow("aqua choices") << "{\"question\": \"\", \"choices\": [], \"correct\": \"A\"}"
                                      << "aqua";
        QTest::newRow("i3c demos")
            << "{\"question\": \"\", \"answer\": \"#### 1\", \"reasoning\": \"\", \"confusion_score\": 0.1}"
            << "i3c-demos";
        QTest::newRow("gsm8k") << "{\"question\": \"\", \"answer\": \"x\\n#### 1\"}"
                               << "gsm8k";
        QTest::newRow("plain question") << "{\"question\": \"\", \"answer\": \"1\"}"
                                        << "jsonl";
        QTest::newRow("workbench") << "{\"problem\": \"\", \"conditions\": [], \"question\": \"\", \"answer\": 1}"
                                   << "jsonl";
        QTest::newRow("unknown") << "{\"body_text\": \"\", \"gold\": 1}"
                                 << "";
    }
    void sniffRecord()
    {
        QFETCH(QString, record);
        QFETCH(QString, format);
        const auto sniffed = wb::dataset::sniffRecordFormat(nlohmann::json::parse(record.toStdString()));
        QCOMPARE(sniffed ? q(wb::dataset::formatName(*sniffed)) : QString(), format);
    }

    void i3cReferenceData()
    {
        WB_REQUIRE_SHARED_DATASETS();
        struct Expect {
            const char* file;
            int goldTotal;
            int withCandidates;
        };
        for (const Expect& e : { Expect { "i3c-preprocessed/test_data/AddSub.json", 125, 284 },
                 Expect { "i3c-preprocessed/test_data/GSM8K.json", 94, 1021 },
                 Expect { "i3c-preprocessed/test_data/SVAMP.json", 468, 762 } }) {
            const auto data = load(wb::test::sharedPath(e.file));
            int gold = 0;
            int candidates = 0;
            for (const Problem& p : data.problems) {
                gold += int(p.goldIrrelevant.size());
                candidates += p.referenceCandidates.empty() ? 0 : 1;
                QCOMPARE(p.referenceSq.size(), p.conditions.size());
            }
            QCOMPARE(gold, e.goldTotal);
            QCOMPARE(candidates, e.withCandidates);
        }
        const auto addsub = load(wb::test::sharedPath("i3c-preprocessed/test_data/AddSub.json"));
        // the file's own text is kept verbatim, tokenisation spaces included
        QCOMPARE(q(addsub.problems[0].text),
            QStringLiteral("Joan found 70 seashells on the beach . she gave Sam some of "
                           "her seashells . She has 27 seashell . How many seashells did she give to Sam ? "));
    }

    void gsmIc1kGoldFoundForEveryProblem()
    {
        WB_REQUIRE_SHARED_DATASETS();
        int found = 0;
        for (const char* file : { "gsm-ic-1k/GSM-IC2.json", "gsm-ic-1k/GSM-ICM.json" }) {
            const auto data = load(wb::test::sharedPath(file));
            for (const Problem& p : data.problems) {
                QCOMPARE(p.goldIrrelevantText.size(), std::size_t(1));
                if (p.goldIrrelevant.size() == 1
                    && wb::text::alnumKey(p.conditions[std::size_t(p.goldIrrelevant[0])])
                        == wb::text::alnumKey(p.goldIrrelevantText[0]))
                    ++found;
            }
        }
        QCOMPARE(found, 2000);
    }

    void svampAndGsm8kFields()
    {
        WB_REQUIRE_SHARED_DATASETS();
        const auto svamp = load(wb::test::sharedPath("svamp/SVAMP.json"));
        QCOMPARE(q(svamp.problems[0].text),
            QStringLiteral("Each pack of dvds costs 76 dollars. If there is a discount of 25 "
                           "dollars on each pack How much do you have to pay to buy each pack?"));
        QCOMPARE(q(svamp.problems[0].question), QStringLiteral("How much do you have to pay to buy each pack?"));
        QVERIFY(!svamp.problems[0].conditions.empty());
        const auto gsm = load(wb::test::sharedPath("gsm8k/test.jsonl"));
        QVERIFY(q(gsm.problems[0].rationale).endsWith(QStringLiteral("#### 18")));
        QCOMPARE(gsm.problems[0].goldAnswerText, std::string("18"));
        int commas = 0;
        int negative = 0;
        for (const Problem& p : gsm.problems) {
            commas += p.goldAnswerText.find(',') != std::string::npos ? 1 : 0;
            negative += *p.goldNumber < 0 ? 1 : 0;
            QCOMPARE(p.sourceLine, std::uint64_t(p.index + 1));
        }
        QCOMPARE(commas, 14);
        QCOMPARE(negative, 2);
        const auto aqua = load(wb::test::sharedPath("aqua/test.json"));
        QCOMPARE(aqua.problems[0].choices.size(), std::size_t(5));
        QCOMPARE(aqua.problems[0].goldChoice, std::string("A"));
        QVERIFY(!aqua.problems[0].rationale.empty());
        const auto demos = load(wb::test::sharedPath("i3c-preprocessed/demonstrations/GSM8K.json"));
        QVERIFY(!demos.problems[0].reasoning.empty());
        QVERIFY(demos.problems[0].confusionScore.has_value());
    }

    void sniffsContentNotFileName()
    {
        WB_REQUIRE_SHARED_DATASETS();
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("renamed.txt"));
        QVERIFY(QFile::copy(QString::fromStdString(wb::test::sharedPath("svamp/SVAMP.json")), copy));
        const auto data = load(copy.toStdString());
        QCOMPARE(data.info.format, Format::Svamp);
        QCOMPARE(int(data.problems.size()), 1000);
    }

    void formatOverride()
    {
        WB_REQUIRE_SHARED_DATASETS();
        LoadOptions generic;
        generic.format = Format::Jsonl;
        const auto data = load(wb::test::sharedPath("gsm8k/test.jsonl"), generic);
        QCOMPARE(data.info.format, Format::Jsonl);
        QCOMPARE(int(data.problems.size()), 1319);
        QCOMPARE(*data.problems[0].goldNumber, 18.0);
        LoadOptions wrong;
        wrong.format = Format::Gsm8k;
        auto result = wb::dataset::loadDataset(wb::test::sharedPath("svamp/SVAMP.json"), wrong);
        QVERIFY(!result.ok());
        QVERIFY(q(result.error().toString()).contains(QStringLiteral("field 'question' is missing")));
    }

    void gsmIcOriginalSchema()
    {
        const auto data = load(fixture("gsm_ic_original.json"));
        QCOMPARE(data.info.format, Format::GsmIc);
        QCOMPARE(int(data.problems.size()), 3);
        const char* inserted[] = { "cats", "beans", "kilograms" };
        for (int i = 0; i < 3; ++i) {
            const Problem& p = data.problems[std::size_t(i)];
            QVERIFY(p.hasGoldAnnotation);
            QCOMPARE(p.goldIrrelevant.size(), std::size_t(1));
            QVERIFY2(
                q(p.conditions[std::size_t(p.goldIrrelevant[0])]).contains(QLatin1String(inserted[i])), p.text.c_str());
        }
        QCOMPARE(*data.problems[1].goldNumber, 1800.0);
        QCOMPARE(data.problems[1].sourceLine, std::uint64_t(11));
        QCOMPARE(q(data.problems[0].id), QStringLiteral("1"));
    }

    void csvWithMapping()
    {
        LoadOptions options;
        auto mapping = wb::dataset::ColumnMapping::parse("id=uid, text=problem_text, answer=gold, irrelevant=irr");
        QVERIFY(mapping.ok());
        options.mapping = *mapping;
        const auto data = load(fixture("mapped.csv"), options);
        QCOMPARE(data.info.format, Format::Csv);
        QCOMPARE(int(data.problems.size()), 3);
        QCOMPARE(q(data.problems[0].id), QStringLiteral("p1"));
        QCOMPARE(*data.problems[0].goldNumber, 7.0);
        QVERIFY(data.problems[0].hasGoldAnnotation);
        QCOMPARE(data.problems[0].goldIrrelevant.size(), std::size_t(1));
        QCOMPARE(q(data.problems[0].conditions[std::size_t(data.problems[0].goldIrrelevant[0])]),
            QStringLiteral("His sister is 9 years old."));
        QVERIFY(data.problems[1].goldIrrelevant.empty());
        QCOMPARE(*data.problems[2].goldNumber, 2000.0);
        QCOMPARE(data.problems[2].sourceLine, std::uint64_t(4));
    }

    void csvQuotingAndEmbeddedNewlines()
    {
        const auto data = load(fixture("quoted.csv"));
        QCOMPARE(int(data.problems.size()), 2);
        QCOMPARE(q(data.problems[0].text), QStringLiteral("Ann has \"two\" cats, and 3 dogs.\nHow many pets?"));
        QCOMPARE(data.problems[0].sourceLine, std::uint64_t(2));
        QCOMPARE(data.problems[1].sourceLine, std::uint64_t(4));
        QCOMPARE(*data.problems[1].goldNumber, 4.0);
    }

    void jsonlBodyQuestionMapping()
    {
        LoadOptions options;
        options.mapping = *wb::dataset::ColumnMapping::parse("id=uid,body=body,question=ask,answer=sol");
        const auto data = load(fixture("mapped.jsonl"), options);
        QCOMPARE(int(data.problems.size()), 2);
        QCOMPARE(q(data.problems[0].id), QStringLiteral("7"));
        QCOMPARE(q(data.problems[0].text),
            QStringLiteral("A train travels 60 miles per hour for 3 hours How far does it travel?"));
        QCOMPARE(*data.problems[1].goldNumber, 1.5);
        QVERIFY(!data.problems[0].conditions.empty());
    }

    void columnMappingParse_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expect"); // text field when ok, error fragment otherwise
        QTest::newRow("empty") << "" << true << "";
        QTest::newRow("text and answer") << "text=problem,answer=gold" << true << "problem";
        QTest::newRow("spaces") << " text = body_text , id=uid" << true << "body_text";
        QTest::newRow("unknown key") << "txt=problem" << false << "unknown column mapping key 'txt'";
        QTest::newRow("no equals") << "text" << false << "is not key=column";
        QTest::newRow("empty column") << "answer=" << false << "has no column name";
        QTest::newRow("text and body") << "text=a,body=b" << false << "either text=";
    }
    void columnMappingParse()
    {
        QFETCH(QString, spec);
        QFETCH(bool, ok);
        QFETCH(QString, expect);
        const auto result = wb::dataset::ColumnMapping::parse(spec.toStdString());
        QCOMPARE(result.ok(), ok);
        if (ok) {
            QCOMPARE(q(result->text), expect);
        } else {
            QCOMPARE(result.error().code, wb::ErrorCode::Usage);
            QVERIFY2(q(result.error().message).contains(expect), result.error().message.c_str());
        }
    }

    void parseNumericAnswer_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("value");
        QTest::newRow("integer") << "18" << true << 18.0;
        QTest::newRow("float") << "51.0" << true << 51.0;
        QTest::newRow("decimal") << "9.43" << true << 9.43;
        QTest::newRow("commas") << "2,125" << true << 2125.0;
        QTest::newRow("millions") << "1,234,567.5" << true << 1234567.5;
        QTest::newRow("dollar") << "$18" << true << 18.0;
        QTest::newRow("dollar space") << "$ 3" << true << 3.0;
        QTest::newRow("negative") << "-5" << true << -5.0;
        QTest::newRow("negative dollar") << "-$4.50" << true << -4.5;
        QTest::newRow("dollar negative") << "$-4.50" << true << -4.5;
        QTest::newRow("unicode minus") << "\u22127" << true << -7.0;
        QTest::newRow("fraction") << "3/4" << true << 0.75;
        QTest::newRow("negative fraction") << "-1/2" << true << -0.5;
        QTest::newRow("mixed") << "1 1/2" << true << 1.5;
        QTest::newRow("blank space") << "  42 \n" << true << 42.0;
        QTest::newRow("final period") << "18." << true << 18.0;
        QTest::newRow("leading dot") << ".5" << true << 0.5;
        QTest::newRow("empty") << "" << false << 0.0;
        QTest::newRow("word") << "five" << false << 0.0;
        QTest::newRow("letter") << "A" << false << 0.0;
        QTest::newRow("zero denominator") << "3/0" << false << 0.0;
        QTest::newRow("two numbers") << "3 4" << false << 0.0;
        QTest::newRow("trailing comma") << "12," << false << 0.0;
        QTest::newRow("unit") << "12 apples" << false << 0.0;
        QTest::newRow("only dollar") << "$" << false << 0.0;
    }
    void parseNumericAnswer()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        QFETCH(double, value);
        const auto parsed = wb::dataset::parseNumericAnswer(input.toStdString());
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, value);
    }

    void formatNamesRoundTrip()
    {
        for (const std::string& name : wb::dataset::formatNames()) {
            const auto format = wb::dataset::formatFromName(name);
            QVERIFY(format.has_value());
            QCOMPARE(q(wb::dataset::formatName(*format)), q(name));
        }
        QVERIFY(!wb::dataset::formatFromName("xml").has_value());
    }

    void demoDataset()
    {
        const std::string path = (wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl")).toStdString();
        const auto data = load(path);
        QVERIFY(data.problems.size() >= 30);
        QVERIFY(data.info.diagnostics.empty());
        int gold = 0;
        for (const Problem& p : data.problems) {
            QVERIFY2(p.goldNumber.has_value(), p.id.c_str());
            QVERIFY(p.segmentationFromSource);
            QVERIFY(p.hasGoldAnnotation);
            QCOMPARE(q(wb::text::join(p.conditions, " ") + " " + p.question), q(p.text));
            if (!p.goldIrrelevant.empty()) {
                ++gold;
                QCOMPARE(q(p.conditions[std::size_t(p.goldIrrelevant[0])]), q(p.goldIrrelevantText[0]));
            }
        }
        QVERIFY(gold >= 10);
    }

    void streamingStopsWhenSinkSaysSo()
    {
        WB_REQUIRE_SHARED_DATASETS();
        int seen = 0;
        auto info = wb::dataset::streamDataset(
            wb::test::sharedPath("svamp/SVAMP.json"), {}, [&](Problem&&) { return ++seen < 10; });
        QVERIFY(info.ok());
        QCOMPARE(seen, 10);
        QCOMPARE(int(info->problemCount), 10);
    }
};

QTEST_GUILESS_MAIN(TestDatasetLoader)
#include "tst_datasetloader.moc"
