// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>

namespace wb::llm {

/// Hands a client its API key as a value. The client calls it once, in its constructor, on the constructing
/// thread; an empty key sends no credentials (local servers need none). A provider never writes the process
/// environment, so two clients built at the same time for two profiles can never see each other's key.
using KeyProvider = std::function<std::string()>;

/// The key is `key`, whatever the environment says (the GUI's keychain entries, tests).
KeyProvider fixedKey(std::string key);

/// Reads the environment variable `variable` when called (the command line's --api-key-env); empty name or
/// unset variable = no key.
KeyProvider environmentKey(std::string variable);

} // namespace wb::llm
