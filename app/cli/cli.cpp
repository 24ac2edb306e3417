// SPDX-License-Identifier: Apache-2.0
#include "app/cli/cli.h"

#include "app/cli/command.h"

#include <cstring>

namespace wb::cli {
namespace {

int versionCommand(const CommandContext& context)
{
    context.out << "i3c " << WB_VERSION << '\n';
    return kExitOk;
}

const CommandInfo kCommands[] = {
    { "inspect", "segment problems and score the relevance of each condition",
        "i3c inspect FILE [--format F] [--map SPEC] [--limit N] [--index N] [--encoder builtin|URL]\n"
        "                   [--embedding-model M] [--api-key-env VAR] [--theta X] [--json] [--summary] [--strict]",
        &inspectCommand },
    { "import", "load a dataset file into a workbench database",
        "i3c import FILE --db DB [--format F] [--map SPEC] [--strict] [--json]", &importCommand },
    { "methods", "list the built-in methods (prompt programs)", "i3c methods [--json]", &methodsCommand },
    { "run", "run a method over a dataset against an OpenAI-compatible backend (or resume a run)",
        "i3c run DATASET --method M --model NAME [--base-url URL] [--api-key-env VAR] [--db FILE]\n"
        "                [--concurrency N] [--limit N] [--name S] [--temperature T] [--max-tokens N] [--seed N]\n"
        "                [--timeout S] [--retries N] [--no-cache] [--encoder builtin|URL] [--embedding-model M]\n"
        "                [--theta X] [--format F] [--demo-set ID] [--plan-only]\n"
        "       i3c run --resume RUN [--db FILE]",
        &runCommand },
    { "runs", "list the runs of a database", "i3c runs [--db FILE] [--json]", &runsCommand },
    { "report", "per-problem results of a run", "i3c report [--db FILE] RUN [--json | --csv FILE]", &reportCommand },
    { "compare", "compare two runs item by item (flips, McNemar, bootstrap CI)",
        "i3c compare [--db FILE] RUN_A RUN_B [--json]", &compareCommand },
    { "select-demos", "select demonstrations from a pool and store them as a demo set",
        "i3c select-demos POOL_FILE --method i3c-select|complex|auto [--k 8] [--db FILE] [--name S] [--seed N]\n"
        "                [--pool-limit N] [--format F] [--model NAME --base-url URL ...backend options]",
        &selectDemosCommand },
    { "import-demos", "store a demonstrations file (e.g. I3C-Select's) as a demo set in a database",
        "i3c import-demos FILE [--db FILE] [--name S] [--json]", &importDemosCommand },
    { "export-batch", "write a run's next unfinished calls as OpenAI Batch API JSONL",
        "i3c export-batch [--db FILE] RUN --out FILE.jsonl", &exportBatchCommand },
    { "import-batch", "read a Batch API output file back into a run", "i3c import-batch [--db FILE] RUN RESULTS.jsonl",
        &importBatchCommand },
    { "version", "print the program version", "i3c version", &versionCommand },
};

void printUsage(std::ostream& out)
{
    out << "usage: i3c <command> [options]\n\ncommands:\n";
    for (const auto& command : kCommands)
        out << "  " << command.name << std::string(14 - std::strlen(command.name), ' ') << command.summary << '\n';
    out << "\nRun 'i3c <command> --help' for a command's options.\n";
}

} // namespace

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
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage(args.empty() ? err : out);
        return args.empty() ? kExitBadInput : kExitOk;
    }
    if (args[0] == "--version") {
        out << "i3c " << WB_VERSION << '\n';
        return kExitOk;
    }
    for (const auto& command : kCommands) {
        if (args[0] != command.name)
            continue;
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        for (const auto& arg : rest) {
            if (arg == "--help" || arg == "-h") {
                out << "usage: " << command.usage << '\n';
                return kExitOk;
            }
        }
        return command.function(CommandContext { rest, out, err });
    }
    err << "i3c: unknown command '" << args[0] << "'\n";
    printUsage(err);
    return kExitBadInput;
}

} // namespace wb::cli
