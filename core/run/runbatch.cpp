// SPDX-License-Identifier: Apache-2.0
// Runner: large runs through the provider's batch engine (OpenAI Batch API JSONL export and import).
#include "core/run/batchjsonl.h"
#include "core/run/replyoutcome.h"
#include "core/run/runlease.h"
#include "core/run/runplan.h"
#include "core/run/runtally.h"

#include "core/llm/canonical.h"
#include "core/llm/responseparser.h"
#include "core/store/store.h"

#include <istream>
#include <ostream>

namespace wb::run {
Result<std::size_t> Runner::exportBatch(RunId runId, std::ostream& out)
{
    auto plan = d->loadPlan(runId);
    if (!plan)
        return plan.error();
    auto scored = scoredProblems(d->store, runId, plan->problemCount);
    if (!scored)
        return scored.error();
    std::size_t lines = 0;
    for (std::size_t i = 0; i < plan->problemCount; ++i) {
        if ((*scored)[i])
            continue;
        auto item = d->loadActive(*plan, i, std::nullopt);
        if (!item)
            return item.error();
        if (item->dag.complete())
            continue;
        const std::size_t stage = item->dag.currentStage();
        for (std::size_t step = 0; step < item->dag.size(); ++step) {
            if (item->dag.stageOf(step) != stage || item->dag.state(step) == CallDag::State::Finished)
                continue;
            auto request = Impl::renderRequest(*plan, *item, step);
            if (!request)
                return makeError(request.error().code, request.error().message,
                    "problem " + std::to_string(i) + " step " + item->dag.steps()[step]);
            auto line = batchRequestLine({ runId, i, item->dag.steps()[step] },
                llm::canonicalRequestJson(plan->config.backend, *request), llm::chatEndpointPath(*request));
            if (!line)
                return line.error();
            out << *line << '\n';
            ++lines;
        }
    }
    if (!out)
        return makeError(ErrorCode::Io, "writing the batch file failed");
    return lines;
}

Result<BatchImportSummary> Runner::importBatch(RunId runId, std::istream& in, const std::string& fileName)
{
    auto plan = d->loadPlan(runId);
    if (!plan)
        return plan.error();
    // Importing writes calls and results like execute(): not while another process executes the run.
    auto lease = RunLeaseHolder::acquire(d->store, runId);
    if (!lease)
        return lease.error();
    std::shared_ptr<llm::ResponseCache> cache;
    if (plan->config.useCache) {
        auto opened = d->cacheFor();
        if (!opened)
            return opened.error();
        cache = *opened;
    }
    BatchImportSummary summary;
    // Output files are usually grouped by problem; the problem being filled is kept until another one starts.
    std::optional<std::size_t> currentIndex;
    ActiveProblem current;
    const auto flush = [&]() -> Result<void> {
        // A problem stopped by a failed call is left for the next export; one without an answer is finished.
        const bool unanswered = current.dag.blocked() && current.firstError.empty();
        if (!currentIndex || !(current.dag.complete() || unanswered))
            return {};
        auto outcome = d->recordOutcome(*plan, *currentIndex, current);
        if (!outcome)
            return outcome.error();
        ++summary.problemsFinished;
        return {};
    };

    std::string text;
    std::size_t lineNumber = 0;
    while (std::getline(in, text)) {
        ++lineNumber;
        if (text.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        const std::string location = fileName + ":" + std::to_string(lineNumber);
        auto line = parseBatchOutputLine(text, location);
        if (!line)
            return line.error();
        const BatchCallId& id = line->id;
        if (id.runId != runId)
            return makeError(ErrorCode::InvalidInput,
                "line belongs to run " + std::to_string(id.runId) + ", not to run " + std::to_string(runId), location);
        if (id.problemIndex >= plan->problemCount)
            return makeError(ErrorCode::InvalidInput,
                "problem " + std::to_string(id.problemIndex) + " is not part of the run", location);
        if (auto beat = lease->heartbeat(); !beat)
            return beat.error();
        if (currentIndex != id.problemIndex) {
            if (auto r = flush(); !r)
                return r.error();
            auto item = d->loadActive(*plan, id.problemIndex, std::nullopt);
            if (!item)
                return item.error();
            current = std::move(*item);
            currentIndex = id.problemIndex;
        }
        const std::size_t step = current.dag.find(id.step);
        if (step == std::string::npos)
            return makeError(ErrorCode::InvalidInput,
                "step '" + id.step + "' is not planned for problem " + std::to_string(id.problemIndex), location);
        if (current.dag.state(step) == CallDag::State::Finished) {
            ++summary.skipped;
            continue;
        }
        if (current.dag.stageOf(step) != current.dag.currentStage())
            return makeError(ErrorCode::InvalidInput,
                "step '" + id.step + "' of problem " + std::to_string(id.problemIndex)
                    + " cannot run before its earlier steps have finished",
                location);
        auto request = Impl::renderRequest(*plan, current, step);
        if (!request)
            return makeError(request.error().code, request.error().message, location);

        store::CallRecord record;
        record.runId = runId;
        record.problemIndex = std::int64_t(id.problemIndex);
        record.step = id.step;
        record.sampleIndex = request->sampleIndex;
        record.requestJson = llm::canonicalRequestJson(plan->config.backend, *request);
        record.cacheKey = llm::cacheKey(plan->config.backend, *request);
        record.attempts = 1;
        std::optional<llm::ChatResponse> response;
        if (line->ok()) {
            auto parsed = llm::parseChatResponse(line->body, location);
            if (parsed)
                response = std::move(*parsed);
            else
                line->error = parsed.error().message;
        }
        if (response) {
            fillReply(record, *response);
            record.responseJson = line->body;
        } else {
            record.status = store::CallStatus::Error;
            record.error = location + ": " + line->error;
        }
        if (auto stored = d->store.recordCall(record); !stored)
            return stored.error();
        // Only a plain success is cached, as the client does.
        if (cache && record.status == store::CallStatus::Done)
            cache->put(record.cacheKey, line->body);
        applyCall(current, step, record);
        if (store::callFailed(record.status))
            ++summary.failed;
        else
            ++summary.imported;
    }
    if (auto r = flush(); !r)
        return r.error();
    return summary;
}

} // namespace wb::run
