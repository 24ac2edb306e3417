// SPDX-License-Identifier: Apache-2.0
#include "core/run/runbreakdown.h"

#include "core/run/rundata.h"

#include <nlohmann/json.hpp>

#include <map>

namespace wb::run {

std::vector<eval::Outcome> outcomesPerProblem(std::size_t planned, const std::vector<store::ResultRecord>& results)
{
    std::vector<eval::Outcome> outcomes(planned);
    for (const auto& result : results) {
        if (result.problemIndex < 0 || std::size_t(result.problemIndex) >= planned)
            continue;
        if (result.status == store::ProblemStatus::Correct || result.status == store::ProblemStatus::Wrong)
            outcomes[std::size_t(result.problemIndex)] = result.status == store::ProblemStatus::Correct;
    }
    return outcomes;
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
    const std::vector<eval::Outcome> correct = outcomesPerProblem(total, run->results);
    RunBreakdowns out;
    out.unfinished = total;
    std::vector<std::string> candidateKeys;
    std::vector<std::string> goldKeys;
    for (std::size_t i = 0; i < total; ++i) {
        const auto& problem = run->problems[i];
        const auto it = byIndex.find(std::int64_t(i));
        const store::ResultRecord* result = it == byIndex.end() ? nullptr : it->second;
        std::size_t candidates = 0;
        if (result) {
            --out.unfinished;
            out.noAnswer += result->status == store::ProblemStatus::NoAnswer;
            out.errors += result->status == store::ProblemStatus::Error;
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
    out.dataset = run->dataset.name;
    out.overall = eval::accuracy(correct);
    out.byCandidates = eval::breakdown(candidateKeys, correct);
    out.byGoldIrrelevant = eval::breakdown(goldKeys, correct);
    return out;
}

} // namespace wb::run
