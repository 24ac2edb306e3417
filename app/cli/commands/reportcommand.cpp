// SPDX-License-Identifier: Apache-2.0
// i3c report --db FILE RUN [--json | --csv FILE]
#include "app/cli/command.h"
#include "app/cli/options.h"
#include "app/cli/commands/runshared.h"

#include "core/common/atomicfile.h"
#include "core/common/csv.h"
#include "core/run/outcomejson.h"
#include "core/run/runbreakdown.h"
#include "core/run/rundata.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>

namespace wb::cli {
namespace {

std::string correctText(const nlohmann::json& row)
{
    if (row["correct"].is_null())
        return "-";
    return row["correct"].get<bool>() ? "yes" : "no";
}

std::string csvHeader()
{
    std::vector<csv::Cell> cells;
    for (const char* name :
        { "index", "id", "answer", "gold", "correct", "status", "calls", "tokens", "error", "reason" })
        cells.push_back(csv::Cell::ours(name));
    return csv::formatRow(cells);
}

/// The id and gold come from the dataset file, the answer and error from the model's output: untrusted text.
std::string csvRow(const nlohmann::json& row)
{
    return csv::formatRow({ csv::Cell::ours(std::to_string(row["index"].get<std::size_t>())),
        csv::Cell::untrusted(row["id"].get<std::string>()), csv::Cell::untrusted(row["answer"].get<std::string>()),
        csv::Cell::untrusted(row["gold"].get<std::string>()), csv::Cell::ours(correctText(row)),
        csv::Cell::ours(row["status"].get<std::string>()),
        csv::Cell::ours(std::to_string(row["calls"].get<std::int64_t>())),
        csv::Cell::ours(std::to_string(row["tokens"].get<std::int64_t>())),
        csv::Cell::untrusted(row["error"].get<std::string>()),
        csv::Cell::untrusted(row["reason"].get<std::string>()) });
}

nlohmann::json groupsJson(const std::vector<eval::GroupAccuracy>& groups)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& group : groups)
        out.push_back({ { "key", group.key }, { "correct", group.accuracy.correct }, { "total", group.accuracy.total },
            { "planned", group.accuracy.planned },
            { "accuracy", group.accuracy.defined() ? nlohmann::json(group.accuracy.value) : nlohmann::json() },
            { "ci",
                group.accuracy.defined() ? nlohmann::json::array({ group.accuracy.ci.low, group.accuracy.ci.high })
                                         : nlohmann::json() } });
    return out;
}

void printGroups(std::ostream& out, const char* title, const std::vector<eval::GroupAccuracy>& groups)
{
    out << title << '\n';
    for (const auto& group : groups) {
        char line[256];
        std::snprintf(line, sizeof line, "  %-20s %s; %zu/%zu answered\n", group.key.c_str(),
            run::accuracyText(group.accuracy).c_str(), group.accuracy.total, group.accuracy.planned);
        out << line;
    }
}

} // namespace

namespace {

class ReportCommand final : public Command {
public:
    std::string name() const override { return "report"; }
    std::string summary() const override { return "per-problem results of a run"; }
    void declare(CLI::App& app) override
    {
        addPositional(app, "RUN", m_run, "id of the run (see i3c runs)");
        declareDatabase(app, m_db, kDefaultDbPath);
        declareJson(app, m_json, "the run, its breakdowns and one row per problem");
        app.add_option("--csv", m_csv, "write one row per problem to FILE instead")->type_name("FILE");
    }
    int run(const CommandContext& context) override;

private:
    std::string m_run;
    std::string m_db;
    std::string m_csv;
    bool m_json = false;
};

int ReportCommand::run(const CommandContext& context)
{
    if (m_json && !m_csv.empty())
        return reportError(context, makeError(ErrorCode::Usage, "choose one of --json and --csv FILE"));
    if (m_run.empty())
        return reportError(context, makeError(ErrorCode::Usage, "report takes exactly one RUN id"));
    auto runId = parseRunId(m_run, "RUN");
    if (!runId)
        return reportError(context, runId.error());
    auto store = openStoreReadOnly(m_db);
    if (!store)
        return reportError(context, store.error());
    auto run = run::loadRunData(*store, *runId);
    if (!run)
        return reportError(context, run.error());
    const run::RunConfig& config = run->config;
    const std::size_t total = run->problems.size();
    std::map<std::int64_t, const store::ResultRecord*> byIndex;
    for (const auto& r : run->results)
        byIndex[r.problemIndex] = &r;

    nlohmann::json rows = nlohmann::json::array();
    run::OutcomeCounts counts;
    counts.planned = total;
    for (std::size_t i = 0; i < total; ++i) {
        const auto& problem = run->problems[i];
        const auto it = byIndex.find(std::int64_t(i));
        nlohmann::json row = { { "index", i }, { "id", problem.id },
            { "gold", problem.goldChoice.empty() ? problem.goldAnswerText : problem.goldChoice } };
        if (it == byIndex.end()) {
            // Not finished (cancelled or failed run): not answered, and resume works on it.
            row.update({ { "answer", "" }, { "correct", nullptr }, { "status", "error" },
                { "reason", "no result yet: the run has not finished this problem" }, { "calls", 0 }, { "tokens", 0 },
                { "error", "no result yet" } });
        } else {
            const auto& r = *it->second;
            const bool answered = r.status == store::ProblemStatus::Correct || r.status == store::ProblemStatus::Wrong;
            row.update({ { "answer", r.extractedAnswer },
                { "correct", answered ? nlohmann::json(r.status == store::ProblemStatus::Correct) : nlohmann::json() },
                { "status", store::problemStatusName(r.status) }, { "reason", r.reason }, { "calls", r.calls },
                { "tokens", r.tokens }, { "error", r.error } });
            counts.correct += r.status == store::ProblemStatus::Correct;
            counts.wrong += r.status == store::ProblemStatus::Wrong;
            counts.noAnswer += r.status == store::ProblemStatus::NoAnswer;
            counts.errors += r.status == store::ProblemStatus::Error;
        }
        rows.push_back(std::move(row));
    }
    auto breakdowns = run::computeRunBreakdowns(*store, *runId);
    if (!breakdowns)
        return reportError(context, breakdowns.error());

    if (m_json) {
        nlohmann::json doc
            = { { "run", *runId }, { "name", run->record.name }, { "status", store::runStatusName(run->record.status) },
                  { "status_text", run::statusText(run->record.status, counts) }, { "method", config.methodId },
                  { "model", config.backend.model }, { "problems", total },
                  { "config", nlohmann::json::parse(run->record.configJson, nullptr, false) },
                  { "breakdowns",
                      { { "by_candidates", groupsJson(breakdowns->byCandidates) },
                          { "by_gold_irrelevant", groupsJson(breakdowns->byGoldIrrelevant) } } },
                  { "rows", rows } };
        // planned, answered, correct, wrong, no_answer, errors, coverage, accuracy (null when nothing answered), ci
        doc.update(run::outcomeJson(counts));
        context.out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return kExitOk;
    }
    if (!m_csv.empty()) {
        const std::string& csvPath = m_csv;
        std::string csv = csvHeader();
        for (const auto& row : rows)
            csv += csvRow(row);
        if (auto written = writeFileAtomically(csvPath, csv); !written)
            return reportError(context, written.error());
        context.out << "wrote " << rows.size() << " rows to " << csvPath << '\n';
    } else {
        char line[512];
        std::snprintf(line, sizeof line, "%6s  %-16s %-16s %-9s %5s %8s  %s\n", "INDEX", "ANSWER", "GOLD", "STATUS",
            "CALLS", "TOKENS", "REASON");
        context.out << line;
        for (const auto& row : rows) {
            std::snprintf(line, sizeof line, "%6zu  %-16s %-16s %-9s %5lld %8lld  %s\n",
                row["index"].get<std::size_t>(), row["answer"].get<std::string>().substr(0, 16).c_str(),
                row["gold"].get<std::string>().substr(0, 16).c_str(), row["status"].get<std::string>().c_str(),
                static_cast<long long>(row["calls"].get<std::int64_t>()),
                static_cast<long long>(row["tokens"].get<std::int64_t>()),
                row["reason"].get<std::string>().substr(0, 200).c_str());
            context.out << line;
        }
    }
    if (m_csv.empty()) {
        printGroups(context.out, "accuracy by number of irrelevant-condition candidates:", breakdowns->byCandidates);
        printGroups(context.out, "accuracy by gold irrelevant condition:", breakdowns->byGoldIrrelevant);
    }
    context.out << "run " << *runId << " (" << config.methodId << ", " << config.backend.model
                << "): " << run::statusText(run->record.status, counts) << "; accuracy " << formatAccuracy(counts)
                << '\n';
    return kExitOk;
}

} // namespace

std::unique_ptr<Command> makeReportCommand() { return std::make_unique<ReportCommand>(); }

} // namespace wb::cli
