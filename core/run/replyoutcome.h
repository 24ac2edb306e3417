// SPDX-License-Identifier: Apache-2.0
// Internal to core/run: what one call's reply means for its record and for its problem, shared by execute(),
// resume and batch import.
#pragma once

#include "core/llm/response.h"
#include "core/run/runplan.h"
#include "core/store/records.h"

namespace wb::run {

store::CallStatus callStatusOf(llm::ReplyStatus status);

/// Fills the reply fields of `record` (status and its reason, text, reasoning, finish reason, tokens) from a
/// response the client delivered.
void fillReply(store::CallRecord& record, const llm::ChatResponse& response);

/// Applies a stored call to its problem. A call with text (done, truncated) finishes its step and its text
/// becomes the step's output; a truncation is noted for the result. An empty or filtered reply stops the
/// problem without an answer; a malformed or failed call stops it with an error. The reasoning text is never
/// an output: extractors see the answer text only.
void applyCall(ActiveProblem& item, std::size_t step, const store::CallRecord& record);

} // namespace wb::run
