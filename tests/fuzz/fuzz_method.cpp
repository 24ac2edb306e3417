// SPDX-License-Identifier: Apache-2.0
// Method files and demo sets: the bytes are the JSON text of one file.
#include "core/common/jsonparse.h"
#include "core/method/demos.h"
#include "core/method/methodjson.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    (void)wb::method::parseMethod(text, "fuzz.json");
    if (auto json = wb::parseJson(text, "fuzz.json"))
        (void)wb::method::demoSetFromJson(*json, "fuzz.json");
    return 0;
}
