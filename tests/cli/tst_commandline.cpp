// SPDX-License-Identifier: Apache-2.0
// The `i3c` command line as a whole: every command's help comes from its declaration and lists every option it
// accepts, and malformed command lines are usage errors (status 2) that name the offending option.
#include "app/cli/command.h"
#include "app/cli/options.h"

#include "support/cli.h"
#include "support/testpaths.h"

#include <QTemporaryDir>
#include <QtTest>

#include <string>
#include <utility>
#include <vector>

namespace {

using wb::test::runCli;

/// Every option and positional a command declares, as the command line spells it ("--db", "FILE").
struct Declared {
    std::string command;
    std::vector<const CLI::Option*> options;
    std::unique_ptr<CLI::App> app; ///< owns the options
};

std::vector<Declared> declarations()
{
    std::vector<Declared> all;
    for (const auto& command : wb::cli::makeCommands()) {
        Declared declared;
        declared.command = command->name();
        declared.app = wb::cli::makeCommandApp(*command);
        command->declare(*declared.app);
        declared.options = std::as_const(*declared.app).get_options();
        all.push_back(std::move(declared));
    }
    return all;
}

/// "--db" for an option, "FILE" for a positional.
std::string spelling(const CLI::Option& option) { return option.get_name(!option.nonpositional()); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

class TestCommandLine final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void everyCommandHelpListsEveryDeclaredOption()
    {
        const auto all = declarations();
        QVERIFY(all.size() >= 12);
        for (const auto& declared : all) {
            const auto help = runCli({ declared.command, "--help" });
            WB_EXPECT_STATUS(help, 0);
            QVERIFY2(contains(help.out, "Usage: i3c " + declared.command), help.out.c_str());
            for (const CLI::Option* option : declared.options) {
                const std::string name = spelling(*option);
                QVERIFY2(contains(help.out, name), (declared.command + " --help lacks " + name).c_str());
                QVERIFY2(!option->get_description().empty(), (declared.command + " " + name).c_str());
                // Options that take a value show what kind (FILE, N, URL, ...), never CLI11's TEXT/INT/FLOAT.
                if (option->nonpositional() && option->get_items_expected_max() > 0) {
                    const std::string valueName = option->get_type_name();
                    QVERIFY2(!valueName.empty() && valueName != "TEXT" && valueName != "INT" && valueName != "FLOAT",
                        (declared.command + " " + name + " shows " + valueName).c_str());
                }
            }
            // `i3c help COMMAND` prints the same help.
            QCOMPARE(
                QString::fromStdString(runCli({ "help", declared.command }).out), QString::fromStdString(help.out));
        }
    }

    void theOptionsNamedByTheIssueAreInTheirHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("option");
        QTest::newRow("methods --dir") << QStringLiteral("methods") << QStringLiteral("--dir");
        QTest::newRow("select-demos --json") << QStringLiteral("select-demos") << QStringLiteral("--json");
        QTest::newRow("select-demos --no-cache") << QStringLiteral("select-demos") << QStringLiteral("--no-cache");
        QTest::newRow("run --no-cache") << QStringLiteral("run") << QStringLiteral("--no-cache");
    }
    void theOptionsNamedByTheIssueAreInTheirHelp()
    {
        QFETCH(QString, command);
        QFETCH(QString, option);
        const auto help = runCli({ command.toStdString(), "--help" });
        WB_EXPECT_STATUS(help, 0);
        QVERIFY2(contains(help.out, option.toStdString() + ' '), help.out.c_str());
    }

    void topLevelHelpListsEveryCommandWithItsSummary()
    {
        for (const char* spelling : { "--help", "-h", "help" }) {
            const auto help = runCli({ spelling });
            WB_EXPECT_STATUS(help, 0);
            for (const auto& command : wb::cli::makeCommands()) {
                QVERIFY2(contains(help.out, "  " + command->name() + ' '), help.out.c_str());
                QVERIFY2(contains(help.out, command->summary()), help.out.c_str());
            }
        }
        const auto bare = runCli({});
        WB_EXPECT_STATUS(bare, 2);
        QVERIFY(contains(bare.err, "usage: i3c <command>"));
    }

    void versionHasTwoSpellings()
    {
        for (const char* spelling : { "--version", "version" }) {
            const auto version = runCli({ spelling });
            WB_EXPECT_STATUS(version, 0);
            QCOMPARE(QString::fromStdString(version.out), QStringLiteral("i3c " WB_VERSION "\n"));
        }
    }

    void unknownOptionsAreUsageErrorsNamingThem()
    {
        for (const auto& declared : declarations()) {
            const auto outcome = runCli({ declared.command, "--no-such-option" });
            WB_EXPECT_STATUS(outcome, 2);
            QVERIFY2(outcome.err.rfind("i3c: ", 0) == 0, outcome.err.c_str());
            QVERIFY2(contains(outcome.err, "--no-such-option"), outcome.err.c_str());
        }
        const auto command = runCli({ "--no-such-option" });
        WB_EXPECT_STATUS(command, 2);
        QVERIFY2(contains(command.err, "unknown command '--no-such-option'"), command.err.c_str());
    }

    void malformedNumbersAndMissingValuesAreUsageErrorsNamingTheOption()
    {
        int numeric = 0;
        for (const auto& declared : declarations()) {
            for (const CLI::Option* option : declared.options) {
                if (!option->nonpositional() || option->get_items_expected_max() == 0)
                    continue;
                const std::string name = spelling(*option);
                const auto missing = runCli({ declared.command, name });
                WB_EXPECT_STATUS(missing, 2);
                QVERIFY2(contains(missing.err, name), missing.err.c_str());
                if (!wb::cli::isNumericValueName(option->get_type_name()))
                    continue;
                ++numeric;
                for (const char* malformed : { "many", "3x", "" }) {
                    const auto outcome = runCli({ declared.command, name, malformed });
                    WB_EXPECT_STATUS(outcome, 2);
                    QVERIFY2(outcome.err.rfind("i3c: ", 0) == 0, outcome.err.c_str());
                    QVERIFY2(contains(outcome.err, name), outcome.err.c_str());
                }
            }
        }
        QVERIFY(numeric >= 10); // --limit, --index, --theta, --concurrency, --timeout, --retries, --k, ...
    }

    void rangeChecksKeepTheirMessages_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList run { QStringLiteral("run"),
            wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl"), QStringLiteral("--method"),
            QStringLiteral("direct"), QStringLiteral("--model"), QStringLiteral("m"), QStringLiteral("--db"),
            m_dir.path() + QStringLiteral("/wb.db") };
        QTest::newRow("concurrency 0") << (run + QStringList { "--concurrency", "0" })
                                       << "option --concurrency must be between 1 and 1024";
        QTest::newRow("concurrency 1025")
            << (run + QStringList { "--concurrency", "1025" }) << "option --concurrency must be between 1 and 1024";
        QTest::newRow("retries -1") << (run + QStringList { "--retries", "-1" })
                                    << "option --retries must be between 0 and 100";
        QTest::newRow("timeout 0") << (run + QStringList { "--timeout", "0" })
                                   << "option --timeout must be a positive number of seconds";
        QTest::newRow("temperature 3") << (run + QStringList { "--temperature", "3" })
                                       << "option --temperature must lie in [0, 2]";
        QTest::newRow("max-tokens 0") << (run + QStringList { "--max-tokens", "0" })
                                      << "option --max-tokens must be at least 1";
        QTest::newRow("limit -1") << (run + QStringList { "--limit", "-1" }) << "option --limit must not be negative";
    }
    void rangeChecksKeepTheirMessages()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto outcome = wb::test::runCliList(args);
        WB_EXPECT_STATUS(outcome, 2);
        QVERIFY2(contains(outcome.err, message.toStdString()), outcome.err.c_str());
    }

    void optionsTakeInlineValuesAndTheLastRepeatWins()
    {
        const std::string dataset = (wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl")).toStdString();
        const auto outcome = runCli({ "inspect", dataset, "--json", "--index=1", "--index", "2" });
        WB_EXPECT_STATUS(outcome, 0);
        QVERIFY2(contains(outcome.out, "\"index\":2"), outcome.out.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
