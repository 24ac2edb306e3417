// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/cli.h"
#include "core/common/result.h"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace wb::cli {

/// What every command gets when it runs: the two output streams and the command line as CLI11 parsed it
/// (for "was this option given" questions; the values themselves are in the command's bound members).
struct CommandContext {
    std::ostream& out;
    std::ostream& err;
    const CLI::App& parsed;
};

/// One `i3c` command. Its options are declared once, in declare(), bound to the command's own members; the
/// help text, the parser and the command line tests all come from that declaration.
class Command {
public:
    virtual ~Command() = default;
    virtual std::string name() const = 0;
    virtual std::string summary() const = 0;
    /// Declares the options and positionals, each with a value name and a one-line description.
    virtual void declare(CLI::App& app) = 0;
    /// Runs with the values CLI11 stored in the members bound by declare().
    virtual int run(const CommandContext& context) = 0;
};

/// Every command, in the order `i3c --help` lists them.
std::vector<std::unique_ptr<Command>> makeCommands();

/// An empty CLI11 app named "i3c NAME" with the house settings (a repeated option keeps its last value).
std::unique_ptr<CLI::App> makeCommandApp(const Command& command);

/// Prints "i3c: <error>" to err and returns the exit status that fits the error's code.
int reportError(const CommandContext& context, const Error& error);

// One factory per command, each defined in commands/<name>command.cpp.
std::unique_ptr<Command> makeInspectCommand();
std::unique_ptr<Command> makeImportCommand();
std::unique_ptr<Command> makeImportDemosCommand();
std::unique_ptr<Command> makeMethodsCommand();
std::unique_ptr<Command> makeRunCommand();
std::unique_ptr<Command> makeRunsCommand();
std::unique_ptr<Command> makeReportCommand();
std::unique_ptr<Command> makeCompareCommand();
std::unique_ptr<Command> makeSelectDemosCommand();
std::unique_ptr<Command> makeExportBatchCommand();
std::unique_ptr<Command> makeImportBatchCommand();
std::unique_ptr<Command> makeVersionCommand();

} // namespace wb::cli
