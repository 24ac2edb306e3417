// SPDX-License-Identifier: Apache-2.0
// i3c compare --db FILE RUN_A RUN_B [--json]
#include "app/cli/command.h"
#include "app/cli/options.h"
#include "app/cli/commands/runshared.h"

#include "core/run/outcomejson.h"
#include "core/run/pairedcomparison.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <tuple>

namespace wb::cli {
namespace {

/// A run as read from the store, for its labels, and its problems scored for pairing.
struct ComparedRun {
    run::RunData data;
    run::RunProblems problems;
};

Result<ComparedRun> loadRun(store::Store& store, const std::string& text, const std::string& what)
{
    auto id = parseRunId(text, what);
    if (!id)
        return id.error();
    auto data = run::loadRunData(store, *id);
    if (!data)
        return data.error();
    auto problems = run::runProblems(*data);
    if (!problems)
        return problems.error();
    return ComparedRun { std::move(*data), std::move(*problems) };
}

nlohmann::json intervalJson(const eval::Interval& interval) { return { interval.low, interval.high }; }

/// How the run's own planned problems ended (pairs leave out what either run did not answer).
run::OutcomeCounts outcomeOf(const ComparedRun& run)
{
    return run::OutcomeCounts::of(run.data.record, run.data.problems.size());
}

} // namespace

namespace {

class CompareCommand final : public Command {
public:
    std::string name() const override { return "compare"; }
    std::string summary() const override { return "compare two runs item by item (flips, McNemar, bootstrap CI)"; }
    void declare(CLI::App& app) override
    {
        addPositional(app, "RUN_A", m_runA, "id of the first run");
        addPositional(app, "RUN_B", m_runB, "id of the second run");
        declareDatabase(app, m_db, kDefaultDbPath);
        declareJson(app, m_json, "both accuracies, the flip table, McNemar's p and the difference's interval");
    }
    int run(const CommandContext& context) override;

private:
    std::string m_runA;
    std::string m_runB;
    std::string m_db;
    bool m_json = false;
};

int CompareCommand::run(const CommandContext& context)
{
    if (m_runA.empty() || m_runB.empty())
        return reportError(context, makeError(ErrorCode::Usage, "compare takes two run ids: RUN_A RUN_B"));
    auto store = openStoreReadOnly(m_db);
    if (!store)
        return reportError(context, store.error());
    auto a = loadRun(*store, m_runA, "RUN_A");
    if (!a)
        return reportError(context, a.error());
    auto b = loadRun(*store, m_runB, "RUN_B");
    if (!b)
        return reportError(context, b.error());
    auto paired = run::comparePaired(a->problems, b->problems);
    if (!paired)
        return reportError(context, paired.error());
    const eval::Accuracy& accA = paired->accuracyA;
    const eval::Accuracy& accB = paired->accuracyB;
    const eval::FlipTable& flips = paired->flips;
    const double p = paired->mcnemarP;
    const double delta = paired->difference;
    const eval::Interval& diff = paired->differenceCi;
    const std::size_t pairedCount = paired->problems.size();

    if (m_json) {
        // correct/total/accuracy/ci are over the paired problems; "outcome" is the run's own, over its plan.
        const auto runJson = [](const ComparedRun& o, const eval::Accuracy& acc) {
            return nlohmann::json { { "id", o.data.record.id }, { "name", o.data.record.name },
                { "method", o.data.config.methodId }, { "model", o.data.config.backend.model },
                { "correct", acc.correct }, { "total", acc.total }, { "accuracy", acc.value },
                { "ci", intervalJson(acc.ci) }, { "outcome", run::outcomeJson(outcomeOf(o)) } };
        };
        const nlohmann::json doc
            = { { "a", runJson(*a, accA) }, { "b", runJson(*b, accB) }, { "paired_problems", pairedCount },
                  { "flips",
                      { { "both_right", flips.bothRight }, { "both_wrong", flips.bothWrong },
                          { "right_to_wrong", flips.rightToWrong }, { "wrong_to_right", flips.wrongToRight } } },
                  { "mcnemar_p", p }, { "difference", delta }, { "difference_ci", intervalJson(diff) } };
        context.out << doc.dump(2) << '\n';
        return kExitOk;
    }
    for (const auto& [label, compared, acc] : { std::tuple { "A", &*a, &accA }, std::tuple { "B", &*b, &accB } })
        context.out << label << ": run " << compared->data.record.id << " (" << compared->data.config.methodId << ", "
                    << compared->data.config.backend.model << ") accuracy on the paired problems "
                    << run::accuracyText(*acc) << "; the whole run: " << formatAccuracy(outcomeOf(*compared)) << '\n';
    char line[256];
    std::snprintf(line, sizeof line,
        "flips over %zu paired problems (answered in both runs):\n               B right  B wrong\n    A right  %9zu "
        "%8zu\n    A wrong  %9zu "
        "%8zu\n",
        pairedCount, flips.bothRight, flips.rightToWrong, flips.wrongToRight, flips.bothWrong);
    context.out << line;
    std::snprintf(line, sizeof line,
        "McNemar exact p = %.4g\ndifference B - A = %+.4f, 95%% bootstrap CI [%+.4f, %+.4f]\n", p, delta, diff.low,
        diff.high);
    context.out << line;
    return kExitOk;
}

} // namespace

std::unique_ptr<Command> makeCompareCommand() { return std::make_unique<CompareCommand>(); }

} // namespace wb::cli
