// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/actorcues.h"
#include "core/relevance/lexicon.h"

#include <QtTest>

class TestActorCues final : public QObject {
    Q_OBJECT
private slots:
    void lemma_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("base");
        QTest::newRow("plural") << "cats"
                                << "cat";
        QTest::newRow("ies plural") << "candies"
                                    << "candy";
        QTest::newRow("irregular plural") << "children"
                                          << "child";
        QTest::newRow("irregular past") << "bought"
                                        << "buy";
        QTest::newRow("doubled consonant") << "stopped"
                                           << "stop";
        QTest::newRow("gerund") << "baking"
                                << "bake";
        QTest::newRow("known word is no comparative") << "brother"
                                                      << "brother";
        QTest::newRow("comparative") << "bigger"
                                     << "big";
        QTest::newRow("unknown stays") << "lilibeth"
                                       << "lilibeth";
    }
    void lemma()
    {
        QFETCH(QString, word);
        QFETCH(QString, base);
        std::string scratch;
        const std::string w = word.toStdString();
        QCOMPARE(QString::fromStdString(std::string(wb::relevance::Lexicon::instance().lemma(w, scratch))), base);
    }

    void lexiconBasics()
    {
        const auto& lex = wb::relevance::Lexicon::instance();
        QVERIFY(lex.isStopWord("the"));
        QVERIFY(!lex.isStopWord("cat"));
        QVERIFY(lex.idf("the") < lex.idf("marble"));
        QVERIFY(lex.idf("zzqx") >= lex.idf("marble"));
        QVERIFY(lex.flags("brother") & wb::relevance::Lexicon::Person);
        QVERIFY(!(lex.flags("store") & wb::relevance::Lexicon::Person));
    }

    void newActors_data()
    {
        QTest::addColumn<QStringList>("conditions");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("new name") << QStringList { "Amy has 5 apples.", "She buys 3 more.", "Tom has 8 pears." }
                                  << "How many apples does Amy have?" << QList<int> { 0, 0, 1 };
        QTest::newRow("relation of the protagonist")
            << QStringList { "Grover bought 3 boxes.", "Grover's brother made $100 last year." }
            << "How much did Grover pay?" << QList<int> { 0, 1 };
        QTest::newRow("typographic apostrophe")
            << QStringList { "Grover bought 3 boxes.", QString::fromUtf8("Grover\u2019s sister made $100 last year.") }
            << "How much did Grover pay?" << QList<int> { 0, 1 };
        QTest::newRow("protagonist only named once")
            << QStringList { "Marla is planning the lunch menu.", "Each student gets 2 cookies." }
            << "How many cookies does she need?" << QList<int> { 0, 0 };
        QTest::newRow("actor mentioned in the question")
            << QStringList { "Jean has 3 times as much money as Jane.", "They have $76." }
            << "How much money does Jane have?" << QList<int> { 0, 0 };
        QTest::newRow("days, acronyms and sentence openers") << QStringList { "Anna works 8 hours on Monday.",
            "Today she pays 10% FICA taxes.", "Exercising for an hour burns 300 calories." }
                                                             << "How much does Anna earn?" << QList<int> { 0, 0, 0 };
        QTest::newRow("name after a title") << QStringList { "Mr. Lu owns a store.", "Uncle Jude baked 20 cookies." }
                                            << "How many computers did Mr. Lu sell?" << QList<int> { 0, 1 };
        QTest::newRow("no conditions") << QStringList {} << "How many?" << QList<int> {};
    }
    void newActors()
    {
        QFETCH(QStringList, conditions);
        QFETCH(QString, question);
        QFETCH(QList<int>, expected);
        std::vector<std::string> conds;
        for (const QString& c : conditions)
            conds.push_back(c.toStdString());
        const std::vector<int> got = wb::relevance::newActorCounts(conds, question.toStdString());
        QCOMPARE(QList<int>(got.begin(), got.end()), expected);
    }
};

QTEST_GUILESS_MAIN(TestActorCues)
#include "tst_actorcues.moc"
