// SPDX-License-Identifier: Apache-2.0
// Server-sent events: the bytes are a streamed reply, fed whole and in two pieces; the assembled body goes
// through the chat parser as the client does.
#include "core/llm/responseparser.h"
#include "core/llm/sseassembler.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view stream(reinterpret_cast<const char*>(data), size);
    for (const std::size_t split : { size, size / 2 }) {
        wb::llm::SseAssembler sse;
        sse.feed(stream.substr(0, split));
        sse.feed(stream.substr(split));
        if (auto body = sse.finish("fuzz"))
            (void)wb::llm::parseChatResponse(*body, "fuzz");
    }
    return 0;
}
