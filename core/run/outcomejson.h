// SPDX-License-Identifier: Apache-2.0
// The JSON and text forms of outcomes and stored calls that `i3c` prints (docs/outcomes.md).
#pragma once

#include "core/run/outcomecounts.h"
#include "core/store/records.h"

#include <nlohmann/json.hpp>

#include <string>

namespace wb::run {

/// {"planned", "answered", "correct", "wrong", "no_answer", "errors", "unfinished", "coverage",
///  "accuracy" (null when nothing was answered), "ci" ([low, high], or null)}.
nlohmann::json outcomeJson(const OutcomeCounts& counts);

/// One stored call: "problem_index", "step", "status", "reason", "finish_reason", "messages" (the request's,
/// as sent), "response_text", "reasoning_text", "prompt_tokens", "completion_tokens", "reasoning_tokens",
/// "latency_ms" (null when unknown), "attempts", "from_cache".
nlohmann::json callJson(const store::CallRecord& call);

/// The same for people: a header line with step, status, finish reason, tokens and latency, then the request
/// messages, the reasoning text and the response text, each indented.
std::string callText(const store::CallRecord& call);

} // namespace wb::run
