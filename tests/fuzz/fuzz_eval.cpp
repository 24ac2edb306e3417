// SPDX-License-Identifier: Apache-2.0
// The evaluator: the bytes are a model's reply, read by every answer extractor and the post-processor.
#include "core/eval/extractors.h"
#include "core/eval/postprocess.h"
#include "core/eval/pyexpr.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view reply(reinterpret_cast<const char*>(data), size);
    (void)wb::eval::evalPythonArithmetic(reply);
    (void)wb::eval::postProcessValue(reply);
    (void)wb::eval::extractAnswer(reply, wb::eval::extractorNames(), false);
    (void)wb::eval::extractAnswer(reply, { "choice" }, true);
    return 0;
}
