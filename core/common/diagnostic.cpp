// SPDX-License-Identifier: Apache-2.0
#include "core/common/diagnostic.h"

namespace wb {

std::string Diagnostic::toString() const
{
    const char* level = severity == Severity::Error ? "error" : severity == Severity::Warning ? "warning" : "note";
    std::string text = location.empty() ? std::string() : location + ": ";
    return text + level + ": " + message;
}

} // namespace wb
