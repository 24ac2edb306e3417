// SPDX-License-Identifier: Apache-2.0
#include "core/eval/extractors.h"
#include "core/eval/scoring.h"

#include <QtTest>

using namespace wb::eval;

class TestExtractors final : public QObject {
    Q_OBJECT
private slots:
    void numeric_data()
    {
        QTest::addColumn<QString>("extractor");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("found");
        QTest::addColumn<double>("value");
        QTest::newRow("hashes") << "####"
                                << "He has 2+1=<<2+1=3>>3\n#### 24" << true << 24.0;
        QTest::newRow("hashes with comma") << "####"
                                           << "so\n#### 2,125" << true << 2125.0;
        QTest::newRow("hashes missing") << "####"
                                        << "The answer is 5" << false << 0.0;
        QTest::newRow("answer is") << "answer-is"
                                   << "First 3 + 4 = 7. The answer is 18." << true << 18.0;
        QTest::newRow("answer is lower case") << "answer-is"
                                              << "so the answer is $1,200.50 in total" << true << 1200.5;
        QTest::newRow("answer is last occurrence") << "answer-is"
                                                   << "The answer is 3. No wait, the answer is 4." << true << 4.0;
        QTest::newRow("answer is missing") << "answer-is"
                                           << "It is 18." << false << 0.0;
        QTest::newRow("boxed") << "boxed"
                               << "so \\boxed{42} done" << true << 42.0;
        QTest::newRow("boxed fraction text") << "boxed"
                                             << "\\boxed{3/4}" << true << 0.75;
        QTest::newRow("boxed unbalanced") << "boxed"
                                          << "\\boxed{42" << false << 0.0;
        QTest::newRow("first number") << "first-number"
                                      << " 18 dollars, not 20." << true << 18.0;
        QTest::newRow("negative") << "first-number"
                                  << "It drops to -5 degrees" << true << -5.0;
        QTest::newRow("difference is not negative") << "last-number"
                                                    << "10-2" << true << 2.0;
        QTest::newRow("last number") << "last-number"
                                     << "3 apples and 4 pears make 7." << true << 7.0;
        QTest::newRow("leading dot decimal") << "last-number"
                                             << "about .5 of it" << true << 0.5;
        QTest::newRow("comma list is not thousands") << "first-number"
                                                     << "1,2,3" << true << 1.0;
        QTest::newRow("no number") << "last-number"
                                   << "none" << false << 0.0;
        QTest::newRow("i3c postprocess") << "i3c-postprocess"
                                         << "$18." << true << 18.0;
        QTest::newRow("i3c postprocess unparsable") << "i3c-postprocess"
                                                    << "3.5.2" << false << 0.0;
    }
    void numeric()
    {
        QFETCH(QString, extractor);
        QFETCH(QString, text);
        QFETCH(bool, found);
        QFETCH(double, value);
        const ExtractedAnswer a = extractAnswer(text.toStdString(), { extractor.toStdString() }, false);
        QCOMPARE(a.found, found);
        if (found) {
            QVERIFY(a.number.has_value());
            QCOMPARE(*a.number, value);
            QCOMPARE(QString::fromStdString(a.extractor), extractor);
        } else {
            QVERIFY(!a.note.empty());
        }
    }

    void fallsThroughInOrder()
    {
        const ExtractedAnswer a = extractAnswer("I think 12 then 15", { "####", "answer-is", "last-number" }, false);
        QVERIFY(a.found);
        QCOMPARE(*a.number, 15.0);
        QCOMPARE(a.extractor, std::string("last-number"));
    }

    void choice_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("letter");
        QTest::newRow("parenthesised") << "Therefore, among A through E, the answer is (C)."
                                       << "C";
        QTest::newRow("bare") << " D"
                              << "D";
        QTest::newRow("with paren") << "B) 21"
                                    << "B";
        QTest::newRow("article skipped") << "A good guess is E"
                                         << "E";
        QTest::newRow("none") << "no letter here"
                              << "";
    }
    void choice()
    {
        QFETCH(QString, text);
        QFETCH(QString, letter);
        const ExtractedAnswer a = extractAnswer(text.toStdString(), { "first-number", "choice" }, true);
        QCOMPARE(a.found, !letter.isEmpty());
        QCOMPARE(QString::fromStdString(a.choice), letter);
    }

    void tolerance_data()
    {
        QTest::addColumn<double>("pred");
        QTest::addColumn<double>("gold");
        QTest::addColumn<bool>("match");
        QTest::newRow("equal") << 18.0 << 18.0 << true;
        QTest::newRow("float noise") << 0.30000000000000004 << 0.3 << true;
        QTest::newRow("small diff") << 0.5 << 0.50009 << true;
        QTest::newRow("too far") << 0.5 << 0.5002 << false;
        QTest::newRow("large relative") << 114200.00001 << 114200.0 << true;
        QTest::newRow("large off by one") << 114201.0 << 114200.0 << false;
        QTest::newRow("sign") << -5.0 << 5.0 << false;
        QTest::newRow("huge float noise") << 1e12 + 0.001 << 1e12 << true;
    }
    void tolerance()
    {
        QFETCH(double, pred);
        QFETCH(double, gold);
        QFETCH(bool, match);
        QCOMPARE(numbersMatch(pred, gold), match);
    }

    void scoringUsesChoiceOrNumber()
    {
        wb::dataset::Problem numeric;
        numeric.goldNumber = 2125.0;
        ExtractedAnswer a = extractAnswer("#### 2,125", { "####" }, false);
        QCOMPARE(scoreAnswer(a, numeric), Verdict::Correct);
        a = extractAnswer("3.5.2", { "i3c-postprocess" }, false);
        QCOMPARE(scoreAnswer(a, numeric), Verdict::NoAnswer);

        wb::dataset::Problem choiceProblem;
        choiceProblem.goldChoice = "C";
        a = extractAnswer("the answer is (c)", { "choice" }, true);
        QCOMPARE(scoreAnswer(a, choiceProblem), Verdict::NoAnswer); // lower-case (c) is no choice letter
        a = extractAnswer("the answer is (C)", { "choice" }, true);
        QCOMPARE(scoreAnswer(a, choiceProblem), Verdict::Correct);
        QVERIFY(choicesMatch("(c)", "C"));

        wb::dataset::Problem noGold;
        QCOMPARE(scoreAnswer(a, noGold), Verdict::NoGold);
    }
};

QTEST_GUILESS_MAIN(TestExtractors)
#include "tst_extractors.moc"
