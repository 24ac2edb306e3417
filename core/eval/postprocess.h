// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/eval/pyexpr.h"

#include <string>
#include <string_view>

namespace wb::eval {

/// Outcome of the paper's numeric post-processor on one extraction output.
struct PostProcessResult {
    bool parsed = false; ///< false = the reference would have raised ("unparsable"; scored as incorrect)
    PyNumber value; ///< the number when parsed
    PyError error = PyError::None; ///< which Python exception the reference would raise
    std::string remainder; ///< the string handed to the evaluator (or to float() for "%")
    std::string detail; ///< human-readable reason when not parsed
};

/// Longest output the post-processor reads (bytes); a longer one is not parsed (TooComplex).
inline constexpr std::size_t kMaxReplyLength = 1 << 20;

/// Re-implementation of I3C's post_process_value (i3c-method.md §5.5) step by step, including its quirks
/// ("10 - 2" -> 2, "1e3" -> 13, "2^3" -> 1, "05" -> 5), with a safe evaluator instead of Python's eval.
/// Letters are deleted by Unicode category (str.isalpha) and whitespace is trimmed as str.strip does.
PostProcessResult postProcessValue(std::string_view generated);

} // namespace wb::eval
