// SPDX-License-Identifier: Apache-2.0
// Chat bodies: the bytes are a server's reply to /v1/chat/completions (and, for good measure, to
// /v1/embeddings and /v1/models).
#include "core/llm/responseparser.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string body(reinterpret_cast<const char*>(data), size);
    (void)wb::llm::parseChatResponse(body, "fuzz");
    (void)wb::llm::parseEmbeddingsResponse(body, 2, "fuzz");
    (void)wb::llm::parseModelsResponse(body, "fuzz");
    return 0;
}
