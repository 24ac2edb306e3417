// SPDX-License-Identifier: Apache-2.0
#include "support/cli.h"

#include "app/cli/cli.h"

#include <sstream>

namespace wb::test {

std::vector<std::string> CliOutcome::lines() const
{
    std::vector<std::string> result;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        result.push_back(line);
    return result;
}

std::string CliOutcome::describe() const
{
    return "status " + std::to_string(status) + "\nout: " + out + "\nerr: " + err;
}

CliOutcome runCli(const std::vector<std::string>& args)
{
    std::ostringstream out;
    std::ostringstream err;
    CliOutcome outcome;
    outcome.status = wb::cli::run(args, out, err);
    outcome.out = out.str();
    outcome.err = err.str();
    return outcome;
}

CliOutcome runCliList(const QStringList& args)
{
    std::vector<std::string> list;
    for (const QString& arg : args)
        list.push_back(arg.toStdString());
    return runCli(list);
}

} // namespace wb::test
