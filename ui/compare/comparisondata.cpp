// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/comparisondata.h"

#include "core/run/runbreakdown.h"
#include "core/store/store.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace wb::ui {

namespace {

int candidateCount(const std::string& detailsJson)
{
    // Malformed details only lose the breakdown, never the comparison.
    const nlohmann::json details = nlohmann::json::parse(detailsJson, nullptr, false);
    if (!details.is_object())
        return -1;
    const auto it = details.find("candidates");
    return it != details.end() && it->is_array() ? static_cast<int>(it->size()) : -1;
}

wb::Result<RunOutcome> readRun(wb::store::Store& store, const wb::store::RunRecord& record,
    const wb::store::DatasetRecord& dataset, const std::vector<wb::dataset::Problem>& problems)
{
    RunOutcome outcome;
    outcome.record = record;
    auto config = wb::run::RunConfig::fromJsonText(record.configJson);
    if (!config)
        return config.error();
    outcome.config = std::move(*config);
    outcome.datasetName = dataset.name;
    outcome.datasetHash = dataset.contentHash;
    const std::size_t planned = outcome.config.problemCount(dataset.problemCount);
    auto results = store.loadResults(record.id);
    if (!results)
        return results.error();
    const std::vector<wb::eval::Outcome> outcomes = wb::run::outcomesPerProblem(planned, *results);
    for (std::size_t i = 0; i < planned; ++i)
        outcome.problems[static_cast<std::int64_t>(i)].correct = outcomes[i].value_or(false);
    for (const wb::store::ResultRecord& r : *results) {
        const auto it = outcome.problems.find(r.problemIndex);
        if (it == outcome.problems.end())
            continue;
        ProblemOutcome& p = it->second;
        p.hasResult = true;
        p.status = r.status;
        p.answer = r.extractedAnswer;
        p.error = r.error;
        p.reason = r.reason;
        p.candidates = candidateCount(r.detailsJson);
    }
    auto scored = wb::run::scoredProblems(dataset.contentHash, problems, outcomes);
    if (!scored)
        return scored.error();
    outcome.scored = { record.id, std::move(*scored) };
    return outcome;
}

} // namespace

wb::eval::Accuracy RunOutcome::accuracy() const
{
    std::vector<wb::eval::Outcome> outcomes;
    outcomes.reserve(problems.size());
    for (const auto& [index, problem] : problems)
        outcomes.push_back(problem.outcome());
    return wb::eval::accuracy(outcomes);
}

const RunOutcome* ComparisonData::run(wb::store::RowId id) const
{
    const auto it = std::find_if(runs.begin(), runs.end(), [id](const RunOutcome& r) { return r.record.id == id; });
    return it == runs.end() ? nullptr : &*it;
}

const wb::dataset::Problem* ComparisonData::problem(wb::store::RowId datasetId, std::int64_t index) const
{
    const auto it = problems.find(datasetId);
    if (it == problems.end() || index < 0 || static_cast<std::size_t>(index) >= it->second.size())
        return nullptr;
    return &it->second[static_cast<std::size_t>(index)];
}

wb::Result<ComparisonData> loadComparison(const std::string& path)
{
    auto store = wb::store::Store::openAsAllowed(path);
    if (!store)
        return store.error();
    auto runs = store->listRuns();
    if (!runs)
        return runs.error();
    ComparisonData data;
    data.path = path;
    std::map<wb::store::RowId, wb::store::DatasetRecord> datasets;
    for (const wb::store::RunRecord& record : *runs) {
        auto known = datasets.find(record.datasetId);
        if (known == datasets.end()) {
            auto dataset = store->dataset(record.datasetId);
            if (!dataset)
                return dataset.error();
            auto problems = store->loadProblems(record.datasetId);
            if (!problems)
                return problems.error();
            data.problems.emplace(record.datasetId, std::move(*problems));
            known = datasets.emplace(record.datasetId, std::move(*dataset)).first;
        }
        auto outcome = readRun(*store, record, known->second, data.problems.at(record.datasetId));
        if (!outcome)
            return outcome.error();
        data.runs.push_back(std::move(*outcome));
    }
    return data;
}

wb::Result<ReasoningPath> loadReasoning(const std::string& path, wb::store::RowId runId, std::int64_t problemIndex)
{
    auto store = wb::store::Store::openAsAllowed(path);
    if (!store)
        return store.error();
    auto calls = store->loadCalls(runId, problemIndex);
    if (!calls)
        return calls.error();
    ReasoningPath reasoning;
    const auto take = [&reasoning](const wb::store::CallRecord& call) {
        reasoning.reasoning = call.responseText;
        reasoning.step = call.step;
        reasoning.thinking = call.reasoningText;
        reasoning.status = wb::store::callStatusName(call.status);
        reasoning.statusReason = call.status == wb::store::CallStatus::Done ? std::string() : call.error;
    };
    for (const wb::store::CallRecord& call : *calls) {
        // A failed call has no reply to show; an empty or filtered one is shown with its status and reasoning.
        if (wb::store::callFailed(call.status) && call.status != wb::store::CallStatus::Malformed)
            continue;
        // Repeated samples are stored as "reason#N"; the first reason step is the path the answer came from.
        const bool isReason = call.step == "reason" || call.step.rfind("reason#", 0) == 0;
        if (isReason && reasoning.step.rfind("reason", 0) != 0)
            take(call);
        else if (reasoning.step.rfind("reason", 0) != 0 && call.step.rfind("verify", 0) != 0)
            take(call);
    }
    return reasoning;
}

std::string runLabel(const RunOutcome& run, bool withModel)
{
    std::string label = run.config.methodId.empty() ? run.record.name : run.config.methodId;
    if (withModel && !run.config.backend.model.empty())
        label += " · " + run.config.backend.model;
    return label;
}

} // namespace wb::ui
