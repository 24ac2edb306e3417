// SPDX-License-Identifier: Apache-2.0
#include "core/run/runbreakdown.h"

#include "core/run/rundata.h"

#include <nlohmann/json.hpp>

#include <map>

namespace wb::run {

std::vector<bool> correctPerProblem(std::size_t planned, const std::vector<store::ResultRecord>& results)
{
    std::vector<bool> correct(planned, false);
    for (const auto& result : results) {
        if (result.problemIndex >= 0 && std::size_t(result.problemIndex) < planned)
            correct[std::size_t(result.problemIndex)] = result.error.empty() && result.correct.value_or(false);
    }
    return correct;
}

std::string candidateCountKey(std::size_t candidates) { return candidates >= 3 ? "3+" : std::to_string(candidates); }

Result<RunBreakdowns> computeRunBreakdowns(store::Store& store, store::RowId runId)
{
    auto run = loadRunData(store, runId);
    if (!run)
        return run.error();
    std::map<std::int64_t, const store::ResultRecord*> byIndex;
    for (const auto& result : run->results)
        byIndex[result.problemIndex] = &result;

    const std::size_t total = run->problems.size();
    const std::vector<bool> correct = correctPerProblem(total, run->results);
    std::vector<std::string> candidateKeys;
    std::vector<std::string> goldKeys;
    for (std::size_t i = 0; i < total; ++i) {
        const auto& problem = run->problems[i];
        const auto it = byIndex.find(std::int64_t(i));
        const store::ResultRecord* result = it == byIndex.end() ? nullptr : it->second;
        std::size_t candidates = 0;
        if (result) {
            // The runner records each problem's candidate indices in the result details.
            const auto details = nlohmann::json::parse(result->detailsJson, nullptr, false);
            if (details.is_object() && details.contains("candidates") && details["candidates"].is_array())
                candidates = details["candidates"].size();
        }
        candidateKeys.push_back(candidateCountKey(candidates));
        goldKeys.push_back(!problem.goldIrrelevant.empty() ? "gold irrelevant"
                : problem.hasGoldAnnotation                ? "no gold irrelevant"
                                                           : "not annotated");
    }
    RunBreakdowns out;
    out.dataset = run->dataset.name;
    out.overall = eval::accuracy(correct);
    out.byCandidates = eval::breakdown(candidateKeys, correct);
    out.byGoldIrrelevant = eval::breakdown(goldKeys, correct);
    return out;
}

} // namespace wb::run
