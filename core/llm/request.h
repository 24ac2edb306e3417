// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace wb::llm {

struct ChatMessage {
    std::string role; ///< "system", "user" or "assistant"
    std::string content;
};

/// One /v1/chat/completions call. Unset optionals are left out of the body, so the server's defaults apply
/// and the canonical body (and therefore the cache key) only names what was chosen.
struct ChatRequest {
    std::vector<ChatMessage> messages;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> maxTokens;
    std::optional<long long> seed;
    std::optional<int> n;
    std::vector<std::string> stop;
    /// Set: a /v1/completions call for a base model, with this prompt string instead of `messages` (the reply's
    /// choices carry `text`). Everything else (sampling, cache, statuses) is the same as for a chat call.
    std::optional<std::string> prompt;
    /// Passed through into the body (e.g. {"presence_penalty":0.5}); keys here override the fields above.
    nlohmann::json extraParams = nlohmann::json::object();
    /// Which repeat of an otherwise identical request this is; part of the cache key, not of the body.
    int sampleIndex = 0;
    /// Ask for server-sent events and assemble the deltas; the result equals a non-streamed answer.
    bool stream = false;
    /// Skip the response cache for this call (neither read nor written).
    bool noCache = false;
};

/// One /v1/embeddings call with a batch of inputs.
struct EmbeddingsRequest {
    std::vector<std::string> inputs;
    nlohmann::json extraParams = nlohmann::json::object(); ///< e.g. {"dimensions":256}
    bool noCache = false;
};

} // namespace wb::llm
