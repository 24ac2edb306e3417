// SPDX-License-Identifier: Apache-2.0
// i3c compare --db FILE RUN_A RUN_B [--json]
#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/commands/runshared.h"

#include "core/run/runbreakdown.h"

#include "core/eval/statistics.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include <cstdio>
#include <map>

namespace wb::cli {
namespace {

/// Correct (true) or not (false, including errors) per problem index of the run's planned problems.
struct RunOutcome {
    store::RunRecord record;
    run::RunConfig config;
    std::size_t problems = 0;
    std::vector<bool> correct; ///< per planned problem, by index
};

Result<RunOutcome> loadOutcome(store::Store& store, const std::string& text, const std::string& what)
{
    auto id = parseRunId(text, what);
    if (!id)
        return id.error();
    RunOutcome outcome;
    auto record = store.run(*id);
    if (!record)
        return record.error();
    outcome.record = std::move(*record);
    auto config = run::RunConfig::fromJsonText(outcome.record.configJson);
    if (!config)
        return config.error();
    outcome.config = std::move(*config);
    auto dataset = store.dataset(outcome.record.datasetId);
    if (!dataset)
        return dataset.error();
    outcome.problems = outcome.config.problemCount(dataset->problemCount);
    auto results = store.loadResults(*id);
    if (!results)
        return results.error();
    outcome.correct = run::correctPerProblem(outcome.problems, *results);
    return outcome;
}

nlohmann::json intervalJson(const eval::Interval& interval) { return { interval.low, interval.high }; }

} // namespace

int compareCommand(const CommandContext& context)
{
    auto args = Args::parse(context.args, { "db" }, { "json" });
    if (!args)
        return reportError(context, args.error());
    if (args->positionals().size() != 2)
        return reportError(context, makeError(ErrorCode::Usage, "compare takes two run ids: RUN_A RUN_B"));
    auto store = openStore(*args, true);
    if (!store)
        return reportError(context, store.error());
    auto a = loadOutcome(*store, args->positionals()[0], "RUN_A");
    if (!a)
        return reportError(context, a.error());
    auto b = loadOutcome(*store, args->positionals()[1], "RUN_B");
    if (!b)
        return reportError(context, b.error());
    if (a->record.datasetId != b->record.datasetId)
        return reportError(context,
            makeError(ErrorCode::InvalidInput,
                "runs " + std::to_string(a->record.id) + " and " + std::to_string(b->record.id)
                    + " cover different datasets; a paired comparison needs the same problems"));

    // Paired over the problems both runs planned.
    // Both runs plan the first N problems of one dataset, so the problems they share are a common prefix.
    const std::size_t paired = std::min(a->correct.size(), b->correct.size());
    const std::vector<bool> va(a->correct.begin(), a->correct.begin() + std::ptrdiff_t(paired));
    const std::vector<bool> vb(b->correct.begin(), b->correct.begin() + std::ptrdiff_t(paired));
    const auto accA = eval::accuracy(va);
    const auto accB = eval::accuracy(vb);
    const auto flips = eval::flipTable(va, vb);
    const double p = eval::mcnemarExactP(flips.rightToWrong, flips.wrongToRight);
    const auto diff = eval::pairedBootstrapDifference(va, vb);
    const double delta = accB.value - accA.value;

    if (args->has("json")) {
        const auto runJson = [](const RunOutcome& o, const eval::Accuracy& acc) {
            return nlohmann::json { { "id", o.record.id }, { "name", o.record.name }, { "method", o.config.methodId },
                { "model", o.config.backend.model }, { "correct", acc.correct }, { "total", acc.total },
                { "accuracy", acc.value }, { "ci", intervalJson(acc.ci) } };
        };
        const nlohmann::json doc
            = { { "a", runJson(*a, accA) }, { "b", runJson(*b, accB) }, { "paired_problems", va.size() },
                  { "flips",
                      { { "both_right", flips.bothRight }, { "both_wrong", flips.bothWrong },
                          { "right_to_wrong", flips.rightToWrong }, { "wrong_to_right", flips.wrongToRight } } },
                  { "mcnemar_p", p }, { "difference", delta }, { "difference_ci", intervalJson(diff) } };
        context.out << doc.dump(2) << '\n';
        return kExitOk;
    }
    context.out << "A: run " << a->record.id << " (" << a->config.methodId << ", " << a->config.backend.model
                << ") accuracy " << formatAccuracy(accA) << '\n';
    context.out << "B: run " << b->record.id << " (" << b->config.methodId << ", " << b->config.backend.model
                << ") accuracy " << formatAccuracy(accB) << '\n';
    char line[256];
    std::snprintf(line, sizeof line,
        "flips over %zu paired problems:\n               B right  B wrong\n    A right  %9zu %8zu\n    A wrong  %9zu "
        "%8zu\n",
        va.size(), flips.bothRight, flips.rightToWrong, flips.wrongToRight, flips.bothWrong);
    context.out << line;
    std::snprintf(line, sizeof line,
        "McNemar exact p = %.4g\ndifference B - A = %+.4f, 95%% bootstrap CI [%+.4f, %+.4f]\n", p, delta, diff.low,
        diff.high);
    context.out << line;
    return kExitOk;
}

} // namespace wb::cli
