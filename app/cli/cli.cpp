// SPDX-License-Identifier: Apache-2.0
#include "app/cli/cli.h"

#include "app/cli/command.h"

#include <CLI/CLI.hpp>

#include <algorithm>

namespace wb::cli {
namespace {

void printUsage(std::ostream& out, const std::vector<std::unique_ptr<Command>>& commands)
{
    out << "usage: i3c <command> [options]\n\ncommands:\n";
    for (const auto& command : commands) {
        const std::string name = command->name();
        out << "  " << name << std::string(name.size() < 14 ? 14 - name.size() : 1, ' ') << command->summary() << '\n';
    }
    out << "\nRun 'i3c <command> --help' for a command's options.\n";
}

/// Parses `args` with the command's declaration and runs it. --help prints the generated help; a parse error
/// (unknown option, missing value, malformed number) is a usage error naming the option.
int runCommand(Command& command, const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    auto app = makeCommandApp(command);
    command.declare(*app);
    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 takes the arguments last first
    try {
        app->parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << app->help();
        return kExitOk;
    } catch (const CLI::ParseError& error) {
        err << "i3c: " << error.what() << " (see 'i3c " << command.name() << " --help')\n";
        return kExitBadInput;
    }
    return command.run(CommandContext { out, err, *app });
}

Command* findCommand(const std::vector<std::unique_ptr<Command>>& commands, const std::string& name)
{
    const auto it = std::find_if(
        commands.begin(), commands.end(), [&](const std::unique_ptr<Command>& c) { return c->name() == name; });
    return it == commands.end() ? nullptr : it->get();
}

} // namespace

std::vector<std::unique_ptr<Command>> makeCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(makeInspectCommand());
    commands.push_back(makeImportCommand());
    commands.push_back(makeMethodsCommand());
    commands.push_back(makeRunCommand());
    commands.push_back(makeRunsCommand());
    commands.push_back(makeReportCommand());
    commands.push_back(makeCompareCommand());
    commands.push_back(makeSelectDemosCommand());
    commands.push_back(makeImportDemosCommand());
    commands.push_back(makeExportBatchCommand());
    commands.push_back(makeImportBatchCommand());
    commands.push_back(makeVersionCommand());
    return commands;
}

std::unique_ptr<CLI::App> makeCommandApp(const Command& command)
{
    auto app = std::make_unique<CLI::App>(command.summary(), "i3c " + command.name());
    // As with most tools, a repeated option keeps its last value.
    app->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app->get_formatter()->column_width(34);
    return app;
}

int reportError(const CommandContext& context, const Error& error)
{
    context.err << "i3c: " << error.toString() << '\n';
    switch (error.code) {
    case ErrorCode::InvalidInput:
    case ErrorCode::NotFound:
    case ErrorCode::Usage:
        return kExitBadInput;
    default:
        return kExitFailure;
    }
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    const auto commands = makeCommands();
    if (args.empty()) {
        printUsage(err, commands);
        return kExitBadInput;
    }
    const std::string& first = args[0];
    if (first == "--help" || first == "-h" || first == "help") {
        // `i3c help COMMAND` is `i3c COMMAND --help`.
        if (first == "help" && args.size() > 1)
            if (Command* command = findCommand(commands, args[1]))
                return runCommand(*command, { "--help" }, out, err);
        printUsage(out, commands);
        return kExitOk;
    }
    if (Command* command = findCommand(commands, first == "--version" ? std::string("version") : first))
        return runCommand(*command, std::vector<std::string>(args.begin() + 1, args.end()), out, err);
    err << "i3c: unknown command '" << first << "'\n";
    printUsage(err, commands);
    return kExitBadInput;
}

} // namespace wb::cli
