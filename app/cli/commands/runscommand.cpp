// SPDX-License-Identifier: Apache-2.0
// i3c runs --db FILE [--json]
#include "app/cli/command.h"
#include "app/cli/options.h"
#include "app/cli/commands/runshared.h"

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
        declareJson(app, m_json, "every run with its counts and accuracy");
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
        const std::size_t datasetProblems = dataset ? dataset->problemCount : 0;
        const std::size_t problems = config ? config->problemCount(datasetProblems) : datasetProblems;
        const auto accuracy = accuracyOf(run.correct, problems);
        rows.push_back({ { "id", run.id }, { "name", run.name }, { "status", store::runStatusName(run.status) },
            { "method", config ? config->methodId : "" }, { "model", config ? config->backend.model : "" },
            { "dataset", dataset ? dataset->name : "" }, { "problems", problems }, { "results", run.results },
            { "done_calls", run.doneCalls }, { "error_calls", run.errorCalls }, { "correct", run.correct },
            { "accuracy", accuracy.value }, { "ci_low", accuracy.ci.low }, { "ci_high", accuracy.ci.high },
            { "created_at", run.createdAt }, { "updated_at", run.updatedAt } });
    }
    if (m_json) {
        context.out << rows.dump(2) << '\n';
        return kExitOk;
    }
    char line[512];
    std::snprintf(line, sizeof line, "%-5s %-10s %-22s %-20s %-18s %9s %8s %s\n", "ID", "STATUS", "METHOD", "MODEL",
        "DATASET", "RESULTS", "ACCURACY", "NAME");
    context.out << line;
    for (const auto& row : rows) {
        const std::string results = std::to_string(row["results"].get<std::size_t>()) + "/"
            + std::to_string(row["problems"].get<std::size_t>());
        std::snprintf(line, sizeof line, "%-5lld %-10s %-22s %-20s %-18s %9s %8.4f %s\n", row["id"].get<long long>(),
            row["status"].get<std::string>().c_str(), row["method"].get<std::string>().c_str(),
            row["model"].get<std::string>().c_str(), row["dataset"].get<std::string>().c_str(), results.c_str(),
            row["accuracy"].get<double>(), row["name"].get<std::string>().c_str());
        context.out << line;
    }
    return kExitOk;
}

} // namespace

std::unique_ptr<Command> makeRunsCommand() { return std::make_unique<RunsCommand>(); }

} // namespace wb::cli
