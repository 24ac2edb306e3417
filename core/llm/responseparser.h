// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/llm/response.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace wb::llm {

/// Reads a reply's "usage" object (absent counts are 0). A count that is not a non-negative integer within
/// int64 (-1, 2.5, 1e308) is an InvalidInput error naming the field: a server that misreports tokens has sent a
/// malformed reply, and storing 0 or a wrapped value instead would show wrong cost evidence as if measured.
Result<Usage> parseUsage(const nlohmann::json& usage);

/// Parses a /v1/chat/completions body. A body that is not JSON or lacks choices[].message is an
/// InvalidInput error at `url`; the client treats that as a malformed answer and retries. A body that parses
/// carries each choice's reply status (see ReplyStatus), reasoning text and the reasoning token count.
Result<ChatResponse> parseChatResponse(const std::string& body, const std::string& url);

/// Parses a /v1/embeddings body; vectors are ordered by their "index" field and must number `expectedCount`.
Result<EmbeddingsResponse> parseEmbeddingsResponse(
    const std::string& body, std::size_t expectedCount, const std::string& url);

/// Parses a /v1/models body ({"data":[{"id":...},...]}) into the model ids, in the server's order.
Result<std::vector<std::string>> parseModelsResponse(const std::string& body, const std::string& url);

} // namespace wb::llm
