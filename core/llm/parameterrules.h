// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/llm/backendprofile.h"

#include <optional>
#include <string>

namespace wb::llm {

/// The body field a 400 refuses for this model: OpenAI's {"param":"max_tokens","code":"unsupported_parameter"}
/// ("… Use 'max_completion_tokens' instead") or {"param":"temperature","code":"unsupported_value"}; without a
/// `param`, the first quoted name in an "Unsupported parameter/value" message. nullopt for any other answer.
std::optional<std::string> rejectedParameter(long status, const std::string& body);

/// Changes `profile` so that later bodies avoid `parameter`: max_tokens is renamed max_completion_tokens, a
/// sampling parameter is added to omitParams. False when there is nothing the client may change on its own:
/// the profile already avoids it, or leaving it out would change what was asked for (messages, n, stop,
/// reasoning_effort, max_completion_tokens); the 400 is then reported as it is.
bool learnRejection(BackendProfile& profile, const std::string& parameter);

} // namespace wb::llm
