// SPDX-License-Identifier: Apache-2.0
#include "core/run/replyoutcome.h"

namespace wb::run {

store::CallStatus callStatusOf(llm::ReplyStatus status)
{
    switch (status) {
    case llm::ReplyStatus::Ok:
        return store::CallStatus::Done;
    case llm::ReplyStatus::Truncated:
        return store::CallStatus::Truncated;
    case llm::ReplyStatus::Empty:
        return store::CallStatus::Empty;
    case llm::ReplyStatus::Filtered:
        return store::CallStatus::Filtered;
    case llm::ReplyStatus::Malformed:
        return store::CallStatus::Malformed;
    }
    return store::CallStatus::Malformed;
}

void fillReply(store::CallRecord& record, const llm::ChatResponse& response)
{
    record.status = callStatusOf(response.status);
    record.error = response.statusReason;
    record.responseJson = response.rawBody;
    record.responseText = response.text;
    record.reasoningText = response.reasoning;
    record.finishReason = response.finishReason;
    record.promptTokens = response.usage.promptTokens;
    record.completionTokens = response.usage.completionTokens;
    record.reasoningTokens = response.usage.reasoningTokens;
}

void applyCall(ActiveProblem& item, std::size_t step, const store::CallRecord& record)
{
    const std::string& name = item.dag.steps()[step];
    item.tokens += record.promptTokens.value_or(0) + record.completionTokens.value_or(0);
    if (store::callHasText(record.status)) {
        item.outputs[name] = record.responseText;
        item.dag.markFinished(step);
        if (record.status == store::CallStatus::Truncated)
            item.notes.push_back(name + ": " + record.error);
        return;
    }
    item.dag.markFailed(step);
    std::string& first = store::callFailed(record.status) ? item.firstError : item.firstNoAnswer;
    if (first.empty())
        first = name + ": " + (record.error.empty() ? std::string(store::callStatusName(record.status)) : record.error);
}

} // namespace wb::run
