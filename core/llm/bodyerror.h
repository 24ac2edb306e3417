// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/llm/backendprofile.h"
#include "core/llm/httperror.h"

#include <optional>
#include <string>

namespace wb::llm {

/// An `error` in a 200 answer: LM Studio on a wrong path ({"error":"Unexpected endpoint or method…"}),
/// OpenRouter once a provider failed ({"error":{"code":502,"message":…}}), an overloaded server
/// ({"type":"error","error":{"type":"overloaded_error",…}}). Overload and capacity errors are worth a retry
/// with back-off; anything else is reported at once. The server's own message is quoted, with `apiKey` masked.
/// nullopt when the body carries no error (or is not JSON: the reply parser says what is wrong with it then).
std::optional<Failure> describeBodyError(
    const std::string& body, const std::string& url, const BackendProfile& profile, const std::string& apiKey);

/// The same for a stream: the first `data:` event whose JSON has an `error`, or the data of an `event: error`.
/// A stream that failed half-way is never mistaken for a short answer.
std::optional<Failure> describeStreamError(
    const std::string& raw, const std::string& url, const BackendProfile& profile, const std::string& apiKey);

} // namespace wb::llm
