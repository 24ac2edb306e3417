// SPDX-License-Identifier: Apache-2.0
// i3c runs --db FILE [--json]
#include "app/cli/command.h"
#include "app/cli/options.h"
#include "app/cli/commands/runshared.h"

#include "core/run/outcomejson.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace wb::cli {

namespace {

class RunsCommand final : public Command {
public:
    std::string name() const override { return "runs"; }
    std::string summary() const override { return "list the runs of a database"; }
    void declare(CLI::App& app) override
    {
        declareDatabase(app, m_db, kDefaultDbPath);
        declareJson(app, m_json, "every run with its counts, accuracy over answered problems and coverage");
    }
    int run(const CommandContext& context) override;

private:
    std::string m_db;
    bool m_json = false;
};

int RunsCommand::run(const CommandContext& context)
{
    auto store = openStoreReadOnly(m_db);
    if (!store)
        return reportError(context, store.error());
    auto runs = store->listRuns();
    if (!runs)
        return reportError(context, runs.error());

    nlohmann::json rows = nlohmann::json::array();
    for (const auto& run : *runs) {
        auto config = run::RunConfig::fromJsonText(run.configJson);
        auto dataset = store->dataset(run.datasetId);
        const run::OutcomeCounts counts = run::OutcomeCounts::of(run, plannedProblems(*store, run));
        nlohmann::json row = { { "id", run.id }, { "name", run.name }, { "status", store::runStatusName(run.status) },
            { "status_text", run::statusText(run.status, counts) }, { "method", config ? config->methodId : "" },
            { "model", config ? config->backend.model : "" }, { "dataset", dataset ? dataset->name : "" },
            { "problems", counts.planned }, { "results", run.results }, { "done_calls", run.doneCalls },
            { "error_calls", run.errorCalls } };
        // planned, answered, correct, wrong, no_answer, errors, coverage, accuracy (null when nothing answered), ci
        row.update(run::outcomeJson(counts));
        const nlohmann::json& ci = row["ci"];
        row["ci_low"] = ci.is_array() ? ci[0] : nlohmann::json();
        row["ci_high"] = ci.is_array() ? ci[1] : nlohmann::json();
        row["created_at"] = run.createdAt;
        row["updated_at"] = run.updatedAt;
        rows.push_back(std::move(row));
    }
    if (m_json) {
        context.out << rows.dump(2) << '\n';
        return kExitOk;
    }
    char line[512];
    std::snprintf(line, sizeof line, "%-5s %-22s %-20s %-18s %9s %8s %-24s %s\n", "ID", "METHOD", "MODEL", "DATASET",
        "ANSWERED", "ACCURACY", "NAME", "STATUS");
    context.out << line;
    for (const auto& row : rows) {
        const std::string answered = std::to_string(row["answered"].get<std::size_t>()) + "/"
            + std::to_string(row["planned"].get<std::size_t>());
        char accuracy[16] = "n/a";
        if (!row["accuracy"].is_null())
            std::snprintf(accuracy, sizeof accuracy, "%.4f", row["accuracy"].get<double>());
        std::snprintf(line, sizeof line, "%-5lld %-22s %-20s %-18s %9s %8s %-24s %s\n", row["id"].get<long long>(),
            row["method"].get<std::string>().c_str(), row["model"].get<std::string>().c_str(),
            row["dataset"].get<std::string>().c_str(), answered.c_str(), accuracy,
            row["name"].get<std::string>().c_str(), row["status_text"].get<std::string>().c_str());
        context.out << line;
    }
    return kExitOk;
}

} // namespace

std::unique_ptr<Command> makeRunsCommand() { return std::make_unique<RunsCommand>(); }

} // namespace wb::cli
