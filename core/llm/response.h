// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wb::llm {

struct Usage {
    std::int64_t promptTokens = 0;
    std::int64_t completionTokens = 0;
};

struct ChatChoice {
    std::string text;
    std::string finishReason;
};

/// A parsed chat completion. `text`/`finishReason` mirror choices[0]; `choices` has all n of them.
struct ChatResponse {
    std::string text;
    std::string finishReason;
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
