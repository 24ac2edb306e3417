// SPDX-License-Identifier: Apache-2.0
// Runs `i3c` command lines in-process for the CLI tests and reports what they printed when a status is wrong.
#pragma once

#include <QtTest>

#include <string>
#include <vector>

namespace wb::test {

/// What one `i3c` command line did: its exit status and both streams.
struct CliOutcome {
    int status = -1;
    std::string out;
    std::string err;
    /// stdout split into lines, without the line ends.
    std::vector<std::string> lines() const;
    /// "status N", then stdout and stderr: the failure message of a wrong status.
    std::string describe() const;
};

/// Runs wb::cli::run on `args` (without the program name), capturing stdout and stderr.
CliOutcome runCli(const std::vector<std::string>& args);
/// The same for a data-driven test's QStringList column.
CliOutcome runCliList(const QStringList& args);

} // namespace wb::test

/// Fails the test with the command's output and diagnostics unless it exited with `expected`.
#define WB_EXPECT_STATUS(outcome, expected)                                                                            \
    QVERIFY2((outcome).status == (expected), qPrintable(QString::fromStdString((outcome).describe())))
