// SPDX-License-Identifier: Apache-2.0
#include "core/llm/keyprovider.h"

#include <cstdlib>

namespace wb::llm {

KeyProvider fixedKey(std::string key)
{
    return [key = std::move(key)] { return key; };
}

KeyProvider environmentKey(std::string variable)
{
    return [variable = std::move(variable)]() -> std::string {
        if (variable.empty())
            return {};
        const char* value = std::getenv(variable.c_str());
        return value ? std::string(value) : std::string();
    };
}

} // namespace wb::llm
