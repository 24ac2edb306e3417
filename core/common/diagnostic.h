// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace wb {

/// A non-fatal problem found while doing work (e.g. one bad record among many). Returned with results;
/// the GUI lists them, the CLI prints them to stderr, and `--strict` turns any Error-severity one fatal.
struct Diagnostic {
    enum class Severity { Info, Warning, Error };
    Severity severity = Severity::Warning;
    std::string message;
    std::string location; ///< "file:line", "file:record N", an endpoint or a field path

    std::string toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

} // namespace wb
