// SPDX-License-Identifier: Apache-2.0
// Check C10 of i3c-method.md: every row of the §5.5 golden table of the reference post-processor.
#include "core/eval/extractors.h"
#include "core/eval/postprocess.h"
#include "core/eval/pyexpr.h"

#include <QtTest>

class TestPostProcess final : public QObject {
    Q_OBJECT
private slots:
    void goldenTable_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // Python repr of the result, or the exception name
        QTest::newRow("18") << "18"
                            << "18";
        QTest::newRow("answer is 18.") << "The answer is 18."
                                       << "18";
        QTest::newRow("$18.") << "$18."
                              << "18";
        QTest::newRow("1,234.5 dollars") << "1,234.5 dollars"
                                         << "1234.5";
        QTest::newRow("50%") << "50%"
                             << "0.5";
        QTest::newRow("12.5%") << "12.5%"
                               << "0.125";
        QTest::newRow("3:30") << "3:30"
                              << "3.3";
        QTest::newRow("0.5") << "0.5"
                             << "0.5";
        QTest::newRow("05") << "05"
                            << "5";
        QTest::newRow("empty") << ""
                               << "0";
        QTest::newRow("-") << "-"
                           << "0";
        QTest::newRow("(A) 7") << "(A) 7"
                               << "7";
        QTest::newRow("3/4") << "3/4"
                             << "0.75";
        QTest::newRow("2*3") << "2*3"
                             << "6";
        QTest::newRow("x = 12") << "x = 12"
                                << "12";
        QTest::newRow("$ 4.50") << "$ 4.50"
                                << "4.5";
        QTest::newRow("18.0") << "18.0"
                              << "18.0";
        QTest::newRow("-5") << "-5"
                            << "-5";
        QTest::newRow("10 - 2") << "10 - 2"
                                << "2";
        QTest::newRow("18 and 20") << "18 and 20"
                                   << "20";
        QTest::newRow("twelve") << "twelve"
                                << "0";
        QTest::newRow("1e3") << "1e3"
                             << "13";
        QTest::newRow("2^3 xor") << "2^3"
                                 << "1";
        QTest::newRow("5 1/2") << "5 1/2"
                               << "0.5";
        QTest::newRow("dollars and cents") << "The answer is 18 dollars and 50 cents."
                                           << "50";
        QTest::newRow("100/") << "100/"
                              << "100";
        QTest::newRow("times sign") << QString::fromUtf8("2\u00d73") << "SyntaxError";
        QTest::newRow("unicode minus") << QString::fromUtf8("\u22125") << "SyntaxError";
        QTest::newRow("square root") << QString::fromUtf8("\u221a4") << "SyntaxError";
        QTest::newRow("**18**") << "**18**"
                                << "SyntaxError";
        QTest::newRow("boxed") << "\\boxed{18}"
                               << "SyntaxError";
        QTest::newRow("3.5.2") << "3.5.2"
                               << "SyntaxError";
        QTest::newRow("50 %") << "50 %"
                              << "ValueError";
        QTest::newRow("1/0") << "1/0"
                             << "ZeroDivisionError";
        // Beyond the table: consequences of the same rules that the evaluator must get right.
        QTest::newRow("float xor") << "2.5^2"
                                   << "TypeError";
        QTest::newRow("007 keeps a leading zero") << "007"
                                                  << "SyntaxError";
        QTest::newRow("00") << "00"
                            << "0";
        QTest::newRow("power") << "2**3"
                               << "8";
        QTest::newRow("floor division") << "-7//2"
                                        << "-4";
        QTest::newRow("precedence") << "2+3*4"
                                    << "14";
        QTest::newRow("greek letters removed") << QString::fromUtf8("\u03c0 3.14") << "3.14";
        QTest::newRow("cjk letters removed") << QString::fromUtf8("\u7b54\u6848 42") << "42";
        QTest::newRow("nbsp trimmed") << QString::fromUtf8("\u00a042\u00a0") << "42";
        QTest::newRow("percent of fraction") << "5%%"
                                             << "0.05";
        QTest::newRow("comparison") << "3<5"
                                    << "True";
        QTest::newRow("chained comparison short-circuits") << "2<1<1/0"
                                                           << "False";
        QTest::newRow("syntax error wins over run-time error") << "1/0+"
                                                               << "SyntaxError";
        QTest::newRow("name") << "_8"
                              << "NameError";
        QTest::newRow("unicode space before percent") << QString::fromUtf8("6\u00a0%") << "0.06";
        QTest::newRow("lone dot") << "."
                                  << "0";
    }
    void goldenTable()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const wb::eval::PostProcessResult r = wb::eval::postProcessValue(input.toStdString());
        const QString got
            = r.parsed ? QString::fromStdString(r.value.repr()) : QString::fromLatin1(wb::eval::pyErrorName(r.error));
        QCOMPARE(got, expected);
        QCOMPARE(r.parsed, r.error == wb::eval::PyError::None);
    }

    void evaluatorNeverExecutesNames()
    {
        // Inputs a real eval() would run as code; the safe evaluator treats them as text it cannot parse.
        for (const char* s : { "__import__", "open", "print", "exit", "[1]", "'1'", "1;2", "a.b" })
            QVERIFY2(!wb::eval::evalPythonArithmetic(s).ok(), s);
    }

    void deepReplyIsNoAnswerWithReason()
    {
        // The reply that used to overflow the stack: 30,000 unary minuses and a digit.
        const std::string reply = std::string(30000, '-') + "7";
        const wb::eval::PostProcessResult r = wb::eval::postProcessValue(reply);
        QVERIFY(!r.parsed);
        QCOMPARE(r.error, wb::eval::PyError::TooComplex);
        QVERIFY2(r.detail.find("1000 nested operators") != std::string::npos, r.detail.c_str());
        const wb::eval::ExtractedAnswer a = wb::eval::extractAnswer(reply, { "i3c-postprocess" }, false);
        QVERIFY(!a.found);
        QVERIFY2(a.note.find("TooComplex") != std::string::npos, a.note.c_str());
    }

    void nestingUpToTheLimitStillEvaluates()
    {
        const std::string minuses(wb::eval::kMaxNesting, '-');
        const wb::eval::PyEvalResult even = wb::eval::evalPythonArithmetic(minuses + "5");
        QVERIFY2(even.ok(), even.detail.c_str());
        QCOMPARE(even.value.repr(), std::string("5"));
        QCOMPARE(wb::eval::evalPythonArithmetic(minuses + "-5").error, wb::eval::PyError::TooComplex);
        const int parens = wb::eval::kMaxParentheses;
        QVERIFY(wb::eval::evalPythonArithmetic(std::string(parens, '(') + "1" + std::string(parens, ')')).ok());
        const wb::eval::PyEvalResult deep
            = wb::eval::evalPythonArithmetic(std::string(parens + 1, '(') + "1" + std::string(parens + 1, ')'));
        QCOMPARE(deep.error, wb::eval::PyError::TooComplex);
        QVERIFY2(deep.detail.find("parentheses") != std::string::npos, deep.detail.c_str());
        QCOMPARE(
            wb::eval::evalPythonArithmetic("2**" + std::string(5000, '-') + "1").error, wb::eval::PyError::TooComplex);
    }

    void overlongInputIsNoAnswer()
    {
        const std::string expression(wb::eval::kMaxExpressionLength + 1, '1');
        QCOMPARE(wb::eval::evalPythonArithmetic(expression).error, wb::eval::PyError::TooComplex);
        const wb::eval::PostProcessResult r
            = wb::eval::postProcessValue(std::string(wb::eval::kMaxReplyLength + 1, ' '));
        QVERIFY(!r.parsed);
        QCOMPARE(r.error, wb::eval::PyError::TooComplex);
        QVERIFY2(r.detail.find("longer than the limit") != std::string::npos, r.detail.c_str());
    }

    void pythonReprOfFloats_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("repr");
        QTest::newRow("0.1") << 0.1 << "0.1";
        QTest::newRow("1/3") << 1.0 / 3.0 << "0.3333333333333333";
        QTest::newRow("1e16") << 1e16 << "1e+16";
        QTest::newRow("1.5e-05") << 1.5e-5 << "1.5e-05";
        QTest::newRow("-2.0") << -2.0 << "-2.0";
        QTest::newRow("123456.0") << 123456.0 << "123456.0";
    }
    void pythonReprOfFloats()
    {
        QFETCH(double, value);
        QFETCH(QString, repr);
        QCOMPARE(QString::fromStdString(wb::eval::PyNumber::fromFloat(value).repr()), repr);
    }
};

QTEST_GUILESS_MAIN(TestPostProcess)
#include "tst_postprocess.moc"
