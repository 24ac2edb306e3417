// SPDX-License-Identifier: Apache-2.0
#include "core/run/runplan.h"

#include "core/eval/scoring.h"
#include "core/relevance/relevance.h"
#include "core/run/defaults.h"
#include "core/run/replyoutcome.h"
#include "core/store/sqliteresponsecache.h"
#include "core/store/store.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace wb::run {
namespace {

std::string answerText(const eval::ExtractedAnswer& answer)
{
    if (!answer.found)
        return {};
    if (!answer.choice.empty())
        return answer.choice;
    if (answer.number) {
        // Shortest faithful form: "18", "0.75", "1234.5" (not "18.0").
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.15g", *answer.number);
        return buffer;
    }
    return answer.span;
}

} // namespace

Result<std::shared_ptr<llm::ResponseCache>> Runner::Impl::cacheFor()
{
    if (options.cache)
        return options.cache;
    if (store.path().empty() || store.path() == ":memory:") {
        options.cache = std::make_shared<llm::MemoryResponseCache>();
        return options.cache;
    }
    auto cache = store::SqliteResponseCache::open(store.path());
    if (!cache)
        return cache.error();
    options.cache = std::shared_ptr<llm::ResponseCache>(std::move(*cache));
    return options.cache;
}

Result<std::unique_ptr<StepProgram>> Runner::Impl::programFor(const store::RunRecord& run, const RunConfig& config)
{
    std::string demos = "[]";
    if (run.demoSetId) {
        auto demoSet = store.demoSet(*run.demoSetId);
        if (!demoSet)
            return demoSet.error();
        demos = demoSet->itemsJson;
    }
    const auto& factory = options.programFactory ? options.programFactory : defaultStepProgramFactory();
    return factory(config, demos);
}

Result<RunConfig> Runner::Impl::config(RunId runId)
{
    auto run = store.run(runId);
    if (!run)
        return run.error();
    auto config = RunConfig::fromJsonText(run->configJson);
    if (!config)
        return makeError(config.error().code, config.error().message,
            "run " + std::to_string(runId) + " " + config.error().location);
    return config;
}

Result<RunPlan> Runner::Impl::loadPlan(RunId runId)
{
    RunPlan plan;
    auto run = store.run(runId);
    if (!run)
        return run.error();
    plan.run = std::move(*run);
    auto parsed = config(runId);
    if (!parsed)
        return parsed.error();
    plan.config = std::move(*parsed);
    auto dataset = store.dataset(plan.run.datasetId);
    if (!dataset)
        return dataset.error();
    plan.problemCount = plan.config.problemCount(dataset->problemCount);
    auto program = programFor(plan.run, plan.config);
    if (!program)
        return program.error();
    plan.program = std::move(*program);
    if (plan.program->needsCandidates()) {
        const auto& factory = options.encoderFactory ? options.encoderFactory : defaultEncoderFactory();
        auto encoder = factory(plan.config);
        if (!encoder)
            return encoder.error();
        plan.encoder = std::move(*encoder);
    }
    return plan;
}

Result<std::vector<int>> Runner::Impl::candidatesFor(RunPlan& plan, const dataset::Problem& problem)
{
    if (!plan.encoder || problem.conditions.empty())
        return std::vector<int> {};
    auto report = relevance::analyse(*plan.encoder, problem.conditions, problem.question, plan.config.theta);
    if (!report)
        return report.error();
    return std::move(report->candidates);
}

Result<ActiveProblem> Runner::Impl::loadActive(
    RunPlan& plan, std::size_t index, std::optional<std::vector<int>> candidates)
{
    auto problem = store.loadProblem(plan.run.datasetId, std::int64_t(index));
    if (!problem)
        return problem.error();
    ActiveProblem item;
    item.problem = std::move(*problem);
    if (candidates) {
        item.candidates = std::move(*candidates);
    } else {
        auto found = candidatesFor(plan, item.problem);
        if (!found)
            return found.error();
        item.candidates = std::move(*found);
    }
    item.dag = CallDag(plan.program->plan(item.problem, item.candidates));
    if (item.dag.size() == 0)
        return makeError(ErrorCode::Internal, "the method planned no call", "problem " + std::to_string(index));
    // Reuse what earlier sessions stored; only calls with a response count as finished.
    auto stored = store.loadCalls(plan.run.id, std::int64_t(index));
    if (!stored)
        return stored.error();
    for (const auto& call : *stored) {
        const auto step = item.dag.find(call.step);
        if (store::callHasText(call.status) && step != std::string::npos)
            applyCall(item, step, call);
    }
    return item;
}

Result<llm::ChatRequest> Runner::Impl::renderRequest(const RunPlan& plan, const ActiveProblem& item, std::size_t step)
{
    const StepContext context { item.problem, item.candidates, item.outputs };
    auto request = plan.program->render(item.dag.steps()[step], context);
    if (!request)
        return request;
    const RunConfig& config = plan.config;
    if (config.temperature)
        request->temperature = config.temperature;
    if (config.maxTokens)
        request->maxTokens = config.maxTokens;
    if (config.seed)
        request->seed = config.seed;
    request->noCache = !config.useCache;
    request->stream = false;
    return request;
}

namespace {

/// Status and reason of a problem whose every call finished, from its extracted answer's verdict.
void scoreFinished(store::ResultRecord& result, eval::Verdict verdict, const eval::ExtractedAnswer& answer)
{
    switch (verdict) {
    case eval::Verdict::Correct:
        result.status = store::ProblemStatus::Correct;
        result.correct = true;
        return;
    case eval::Verdict::Incorrect:
        result.status = store::ProblemStatus::Wrong;
        result.correct = false;
        return;
    case eval::Verdict::NoAnswer:
        result.status = store::ProblemStatus::NoAnswer;
        result.reason = "no answer could be extracted" + (answer.note.empty() ? std::string() : ": " + answer.note);
        return;
    case eval::Verdict::NoGold:
        result.status = store::ProblemStatus::NoAnswer;
        result.reason = "no gold answer to score against";
        return;
    }
}

void appendNotes(std::string& reason, const std::vector<std::string>& notes)
{
    for (const std::string& note : notes)
        reason += (reason.empty() ? "" : "; ") + note;
}

} // namespace

Result<store::ProblemStatus> Runner::Impl::recordOutcome(
    const RunPlan& plan, std::size_t index, const ActiveProblem& item)
{
    store::ResultRecord result;
    result.runId = plan.run.id;
    result.problemIndex = std::int64_t(index);
    result.calls = std::int64_t(item.dag.size());
    result.tokens = item.tokens;
    nlohmann::json details = { { "candidates", item.candidates }, { "steps", item.dag.steps() } };
    if (item.dag.complete()) {
        const StepContext context { item.problem, item.candidates, item.outputs };
        const auto answer = plan.program->extract(context);
        const auto verdict = eval::scoreAnswer(answer, item.problem);
        result.extractedAnswer = answerText(answer);
        result.extractedNumber = answer.number;
        scoreFinished(result, verdict, answer);
        details["verdict"] = eval::verdictName(verdict);
        details["extractor"] = answer.extractor;
        if (!answer.note.empty())
            details["note"] = answer.note;
    } else if (!item.firstError.empty() || item.firstNoAnswer.empty()) {
        result.status = store::ProblemStatus::Error;
        result.reason = item.firstError.empty() ? std::string("a call failed") : item.firstError;
    } else {
        result.status = store::ProblemStatus::NoAnswer;
        result.reason = item.firstNoAnswer;
    }
    appendNotes(result.reason, item.notes);
    if (result.status == store::ProblemStatus::Error)
        result.error = result.reason;
    result.detailsJson = details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (auto stored = store.recordResult(result); !stored)
        return stored.error();
    return result.status;
}

} // namespace wb::run
