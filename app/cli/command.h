// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/cli.h"
#include "core/common/result.h"

#include <ostream>
#include <string>
#include <vector>

namespace wb::cli {

/// What every subcommand gets: its own arguments and the two output streams.
struct CommandContext {
    const std::vector<std::string>& args;
    std::ostream& out;
    std::ostream& err;
};

using CommandFunction = int (*)(const CommandContext&);

struct CommandInfo {
    const char* name;
    const char* summary;
    const char* usage;
    CommandFunction function;
};

/// Prints "i3c: <error>" to err and returns the exit status that fits the error's code.
int reportError(const CommandContext& context, const Error& error);

// One function per command, each defined in commands/<name>command.cpp.
int inspectCommand(const CommandContext& context);
int importCommand(const CommandContext& context);
int importDemosCommand(const CommandContext& context);
int methodsCommand(const CommandContext& context);
int runCommand(const CommandContext& context);
int runsCommand(const CommandContext& context);
int reportCommand(const CommandContext& context);
int compareCommand(const CommandContext& context);
int selectDemosCommand(const CommandContext& context);
int exportBatchCommand(const CommandContext& context);
int importBatchCommand(const CommandContext& context);

} // namespace wb::cli
