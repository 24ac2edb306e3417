// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wb::llm {

/// Assembles a streamed chat completion (server-sent events, "data: {chunk}" lines ending in "data: [DONE]")
/// into the body a non-streamed call would have returned, so parsing and caching treat both alike. Reasoning
/// deltas (any field replystatus.h knows) become message.reasoning_content; refusals, Azure's content filter
/// results and the reasoning token count are kept so that the reply status comes out as for a plain reply.
class SseAssembler {
public:
    /// Feed bytes as they arrive; events may be split anywhere.
    void feed(std::string_view bytes);
    /// The equivalent chat.completion JSON body, or an InvalidInput error at `url` when the stream was cut
    /// short (no [DONE] and no finish_reason) or carried a chunk that is not JSON.
    Result<std::string> finish(const std::string& url) const;
    bool done() const { return m_done; }

private:
    void handleLine(std::string_view line);

    struct Choice {
        std::string text;
        std::string reasoning;
        std::string refusal;
        std::string finishReason;
        nlohmann::json contentFilterResults; ///< the last non-empty one sent (Azure)
    };
    std::string m_pending;
    std::vector<Choice> m_choices;
    std::string m_model;
    std::string m_id;
    std::int64_t m_promptTokens = 0;
    std::int64_t m_completionTokens = 0;
    nlohmann::json m_completionDetails; ///< usage.completion_tokens_details, as sent
    std::string m_error;
    bool m_done = false;
};

} // namespace wb::llm
