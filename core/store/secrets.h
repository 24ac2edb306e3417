// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <string>
#include <string_view>

namespace wb::store {

/// True when a JSON field of this name may hold a credential: key, api_key, apiKey, x-api-key, authorization,
/// token, access_token, secret, password, ... (case, '_' and '-' ignored). Names that end in "env" or
/// "envvar" (api_key_env, keyEnv) name an environment variable and are kept.
bool isCredentialField(std::string_view name);

/// Parses `json` and removes, at any depth, every credential-like field and every string value that starts
/// with "Bearer ". Returns `json` unchanged when nothing had to be removed, else the cleaned document as compact
/// JSON. Text that is not JSON is an InvalidInput error naming `field`, because
/// it cannot be checked and so must not be stored.
Result<std::string> stripCredentials(std::string_view json, std::string_view field);

} // namespace wb::store
