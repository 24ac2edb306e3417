// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace wb::cli {

/// Exit statuses of `i3c` (design.md): 0 success, 1 run-time failure, 2 bad usage or input.
enum ExitStatus { kExitOk = 0, kExitFailure = 1, kExitBadInput = 2 };

/// Runs one `i3c` command line (without the program name). Output goes to `out`, diagnostics to `err`,
/// so tests can run commands in-process.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace wb::cli
