// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/problem.h"
#include "core/eval/extractors.h"
#include "core/llm/request.h"
#include "core/method/demos.h"
#include "core/method/method.h"
#include "core/method/template.h"

#include <map>
#include <string>
#include <vector>

namespace wb::method {

/// One LLM call of a problem: "verify:<i>" (i = condition index of a candidate), or a step id ("reason").
struct PlannedCall {
    std::string key;
    std::size_t step = 0; ///< index into Method::steps
    int condition = -1; ///< verify calls: the candidate's condition index
};

/// The calls a problem needs, in order: one "verify:<i>" per candidate (ascending, duplicates dropped) if the
/// method verifies, then every other step that makes a call. An extract step without messages is rule
/// extraction and makes no call (extractAnswerFromOutputs applies it).
std::vector<PlannedCall> planCalls(const Method& method, const std::vector<int>& candidates);
std::vector<std::string> planKeys(const Method& method, const std::vector<int>& candidates);

/// Everything a rendering needs. `outputs` holds the responses of finished calls by plan key
/// ("verify:0", "reason"); `demos` are the resolved demonstrations (the first demos.k are used when k > 0).
struct RenderInput {
    const dataset::Problem& problem;
    const std::vector<int>& candidates;
    const std::map<std::string, std::string>& outputs;
    const std::vector<DemoItem>& demos;
};

struct RenderedRequest {
    std::string key;
    std::vector<llm::ChatMessage> messages;
    Decoding decoding;
    bool completions = false; ///< sent to /v1/completions with messages[0]'s text as the prompt
};

/// The variables visible to step `stepIndex` (and, for a verify call, to candidate `condition`):
/// problem, problem_spaced (every "?" -> " ?"), question, question_spaced, conditions ("1. c1\n2. c2"),
/// candidate, demos, choices ("(A) 21 (B) 22 ..."), fallback, and each earlier step's output variable
/// (a verify step's responses joined by its `join`, in candidate order).
Variables buildVariables(const Method& method, const RenderInput& input, std::size_t stepIndex, int condition = -1);

/// The exact messages and decoding of the call `key`. Errors: unknown key, a candidate outside the
/// problem's conditions, an invalid template.
Result<RenderedRequest> renderCall(const Method& method, const std::string& key, const RenderInput& input);

/// The request as the llm/ client takes it (unset decoding values stay unset; presence/frequency penalties go
/// to extraParams).
llm::ChatRequest toChatRequest(const RenderedRequest& request);

/// The text the answer extractors read: the extract call's response, or for rule extraction the variable
/// named by the extract step's `input` ("reasoning").
std::string answerSourceText(const Method& method, const RenderInput& input);
/// Runs the extract step's extractors on answerSourceText (choice extractors for multiple-choice problems).
eval::ExtractedAnswer extractAnswerFromOutputs(const Method& method, const RenderInput& input);

/// "A)21" / "A) 21" -> "(A) 21", joined by single spaces (Kojima et al.'s AQuA layout).
std::string formatChoices(const std::vector<std::string>& choices);
/// "1. c1\n2. c2\n..." (1-based).
std::string formatConditions(const std::vector<std::string>& conditions);

} // namespace wb::method
