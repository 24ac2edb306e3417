// SPDX-License-Identifier: Apache-2.0
#include "core/run/pairedcomparison.h"

#include "core/run/runbreakdown.h"

#include <map>
#include <set>

namespace wb::run {
namespace {

std::string runName(store::RowId id) { return "run " + std::to_string(id); }

/// The datasets a run's problems come from, by the first 12 hex digits of their hashes.
std::string datasetsOf(const RunProblems& run)
{
    std::set<std::string> hashes;
    for (const ScoredProblem& problem : run.problems)
        hashes.insert(problem.key.datasetHash.substr(0, 12));
    if (hashes.empty())
        return "no answered problems";
    std::string text = "sha256 ";
    for (const std::string& hash : hashes)
        text += (text.size() > 7 ? ", " : "") + hash;
    return text;
}

Error nothingInCommon(const RunProblems& a, const RunProblems& b)
{
    const std::string datasetsA = datasetsOf(a);
    const std::string datasetsB = datasetsOf(b);
    const std::string runs = "runs " + std::to_string(a.runId) + " and " + std::to_string(b.runId);
    if (datasetsA != datasetsB)
        return makeError(ErrorCode::InvalidInput,
            runs + " cover different datasets (" + datasetsA + " and " + datasetsB
                + "); a paired comparison needs the same problems");
    return makeError(ErrorCode::InvalidInput,
        runs + " have no answered problem in common; a paired comparison needs problems both runs answered");
}

Error repeatedProblem(store::RowId run, const ProblemKey& key)
{
    return makeError(ErrorCode::InvalidInput,
        runName(run) + " lists problem id '" + key.problemId
            + "' more than once (its dataset repeats the id), so its problems cannot be paired by id");
}

} // namespace

Result<std::vector<ScoredProblem>> scoredProblems(const std::string& datasetHash,
    const std::vector<dataset::Problem>& problems, const std::vector<eval::Outcome>& outcomes)
{
    if (outcomes.size() > problems.size())
        return makeError(ErrorCode::Database,
            "the dataset holds " + std::to_string(problems.size()) + " problems but the run planned "
                + std::to_string(outcomes.size()),
            "sha256 " + datasetHash);
    std::vector<ScoredProblem> scored;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        if (outcomes[i])
            scored.push_back({ { datasetHash, problems[i].id }, static_cast<std::int64_t>(i), *outcomes[i] });
    }
    return scored;
}

Result<RunProblems> runProblems(const RunData& run)
{
    auto scored
        = scoredProblems(run.dataset.contentHash, run.problems, outcomesPerProblem(run.problems.size(), run.results));
    if (!scored)
        return scored.error();
    return RunProblems { run.record.id, std::move(*scored) };
}

PairedComparison::Cell flipCell(bool correctA, bool correctB)
{
    if (correctA)
        return correctB ? PairedComparison::BothRight : PairedComparison::RightToWrong;
    return correctB ? PairedComparison::WrongToRight : PairedComparison::BothWrong;
}

Result<PairedComparison> comparePaired(const RunProblems& a, const RunProblems& b)
{
    std::map<ProblemKey, const ScoredProblem*> inB;
    for (const ScoredProblem& problem : b.problems) {
        if (!inB.emplace(problem.key, &problem).second)
            return repeatedProblem(b.runId, problem.key);
    }
    PairedComparison result;
    result.runA = a.runId;
    result.runB = b.runId;
    std::set<ProblemKey> seenInA;
    for (const ScoredProblem& problem : a.problems) {
        if (!seenInA.insert(problem.key).second)
            return repeatedProblem(a.runId, problem.key);
        const auto other = inB.find(problem.key);
        if (other != inB.end())
            result.problems.push_back(
                { problem.key, problem.index, other->second->index, problem.correct, other->second->correct });
    }
    if (result.problems.empty())
        return nothingInCommon(a, b);

    std::vector<bool> correctA;
    std::vector<bool> correctB;
    for (const PairedProblem& pair : result.problems) {
        correctA.push_back(pair.correctA);
        correctB.push_back(pair.correctB);
        result.cells[flipCell(pair.correctA, pair.correctB)].push_back(pair.indexA);
    }
    result.accuracyA = eval::accuracy(correctA);
    result.accuracyB = eval::accuracy(correctB);
    result.flips = eval::flipTable(correctA, correctB);
    result.mcnemarP = eval::mcnemarExactP(result.flips.rightToWrong, result.flips.wrongToRight);
    result.difference = result.accuracyB.value - result.accuracyA.value;
    result.differenceCi = eval::pairedBootstrapDifference(correctA, correctB);
    return result;
}

} // namespace wb::run
