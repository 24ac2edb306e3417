// SPDX-License-Identifier: Apache-2.0
// i3c version (also i3c --version)
#include "app/cli/command.h"

#include <CLI/CLI.hpp>

namespace wb::cli {
namespace {

class VersionCommand final : public Command {
public:
    std::string name() const override { return "version"; }
    std::string summary() const override { return "print the program version"; }
    void declare(CLI::App&) override { }
    int run(const CommandContext& context) override
    {
        context.out << "i3c " << WB_VERSION << '\n';
        return kExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeVersionCommand() { return std::make_unique<VersionCommand>(); }

} // namespace wb::cli
