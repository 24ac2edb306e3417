// SPDX-License-Identifier: Apache-2.0
// Internal to core/llm: what a chat completion's message says about itself, shared by the plain and the
// streamed parser.
#pragma once

#include "core/llm/response.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace wb::llm {

/// The reasoning text of a message or a streamed delta, from whichever field the server uses:
/// "reasoning_content" (vLLM before 0.11, DeepSeek, llama.cpp), "reasoning" (vLLM 0.11+, Ollama, OpenRouter) or
/// the text and summary entries of OpenRouter's "reasoning_details". Encrypted entries carry no text.
std::string reasoningOf(const nlohmann::json& message);

/// Why a choice is filtered, from Azure's per-category content_filter_results ("hate (high)"), or empty.
std::string filteredCategories(const nlohmann::json& choice);

/// Sets choice.status and choice.statusReason from its text, finish reason and the raw choice (for content
/// filter results and refusals). `contentIsText` is false when the message content was neither a string, null
/// nor absent (see ReplyStatus::Malformed), and `contentKind` then names what it was.
void classifyChoice(ChatChoice& choice, const nlohmann::json& rawChoice, bool contentIsText,
    const std::string& contentKind, std::int64_t reasoningTokens);

} // namespace wb::llm
