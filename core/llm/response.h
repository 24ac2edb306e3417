// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wb::llm {

struct Usage {
    std::int64_t promptTokens = 0;
    std::int64_t completionTokens = 0;
    /// Of the completion tokens, those spent on hidden or shown reasoning
    /// (usage.completion_tokens_details.reasoning_tokens); 0 when the server does not say.
    std::int64_t reasoningTokens = 0;
};

/// What a reply that parsed as a chat completion holds. Only Ok is a success: the other statuses are delivered
/// (the body is kept for inspection) but never cached.
///  Ok         non-empty text, finished normally
///  Truncated  non-empty text cut off by the token or context limit (finish_reason "length")
///  Empty      no text: content null or "" (e.g. the budget went on reasoning), or only whitespace
///  Filtered   withheld by a content filter (finish_reason "content_filter", Azure's content_filter_results)
///             or refused (OpenAI's message.refusal)
///  Malformed  the message is there but its content is not text (e.g. "content": 42)
enum class ReplyStatus { Ok, Truncated, Empty, Filtered, Malformed };
const char* replyStatusName(ReplyStatus status);

struct ChatChoice {
    std::string text;
    /// Reasoning the server returned beside the answer (reasoning_content, reasoning or reasoning_details).
    std::string reasoning;
    std::string finishReason;
    ReplyStatus status = ReplyStatus::Ok;
    std::string statusReason; ///< why the status is not Ok, for people (empty for Ok)
};

/// A parsed chat completion. `text`, `reasoning`, `finishReason`, `status` and `statusReason` mirror
/// choices[0]; `choices` has all n of them.
struct ChatResponse {
    std::string text;
    std::string reasoning;
    std::string finishReason;
    ReplyStatus status = ReplyStatus::Ok;
    std::string statusReason;
    std::vector<ChatChoice> choices;
    Usage usage;
    std::string model; ///< as reported by the server
    double latencyS = 0; ///< duration of the HTTP exchange that succeeded; 0 for a cache hit
    double elapsedS = 0; ///< submit → completion, including queueing, back-off and retries
    std::string rawBody; ///< the JSON body (for a streamed answer: the equivalent non-streamed body)
    int attempts = 0; ///< HTTP requests made; 0 for a cache hit
    bool fromCache = false;
};

struct EmbeddingsResponse {
    std::vector<std::vector<float>> vectors; ///< one per input, in input order
    Usage usage;
    std::string model;
    double latencyS = 0;
    double elapsedS = 0;
    std::string rawBody;
    int attempts = 0;
    bool fromCache = false;
};

} // namespace wb::llm
