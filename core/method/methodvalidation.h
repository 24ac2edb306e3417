// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/method/method.h"

#include <string>
#include <vector>

namespace wb::method {

/// One validation finding, named by field path ("steps[1].messages[0].template") and, for templates, the byte
/// offset inside that template (npos otherwise).
struct MethodIssue {
    std::string field;
    std::size_t offset = std::string::npos;
    std::size_t length = 0;
    std::string message;
    std::string toString() const;
};

/// Every problem of a method: ids, kinds, roles, decoding ranges, extractor names, demo spec, display order and
/// each template (unknown variables, unclosed braces, {{candidate}} outside the verify step). Empty = valid.
std::vector<MethodIssue> validateMethod(const Method& method);

} // namespace wb::method
