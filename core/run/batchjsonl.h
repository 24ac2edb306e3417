// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wb::run {

/// Identity of one planned call inside an OpenAI Batch API file. Encoded as the line's custom_id
/// "i3c:<run>:<problem>:<step>" so the provider's output file can be matched back to the run's calls.
struct BatchCallId {
    std::int64_t runId = 0;
    std::size_t problemIndex = 0;
    std::string step;
};

std::string encodeCustomId(const BatchCallId& id);
/// Parses a custom_id written by encodeCustomId; anything else is InvalidInput naming `location`.
Result<BatchCallId> decodeCustomId(std::string_view customId, const std::string& location);

/// One line of a Batch API input file: {"custom_id", "method":"POST", "url":"/v1/<endpoint>", "body"}.
/// `canonicalBody` is the exact request body the runner would send; it is embedded unchanged. `endpoint` is
/// "chat/completions" or, for a base model's prompt, "completions".
Result<std::string> batchRequestLine(
    const BatchCallId& id, const std::string& canonicalBody, const std::string& endpoint = "chat/completions");

/// One line of a Batch API output file.
struct BatchOutputLine {
    BatchCallId id;
    int statusCode = 0;
    std::string body; ///< the chat completion JSON (text) when the call succeeded
    std::string error; ///< provider error message when it did not
    bool ok() const { return error.empty() && statusCode >= 200 && statusCode < 300; }
};

/// Parses one output line; `location` ("file:line") names it in errors.
Result<BatchOutputLine> parseBatchOutputLine(std::string_view line, const std::string& location);

} // namespace wb::run
