// SPDX-License-Identifier: Apache-2.0
// i3c calls --db FILE RUN [--index N] [--json]
#include "app/cli/command.h"
#include "app/cli/options.h"
#include "app/cli/commands/runshared.h"

#include "core/run/outcomejson.h"

#include <nlohmann/json.hpp>

namespace wb::cli {
namespace {

class CallsCommand final : public Command {
public:
    std::string name() const override { return "calls"; }
    std::string summary() const override
    {
        return "print the stored calls of a run's problem: request, response, reasoning, status, tokens";
    }
    void declare(CLI::App& app) override
    {
        addPositional(app, "RUN", m_run, "id of the run");
        declareDatabase(app, m_db, kDefaultDbPath);
        addNumber(app, "--index", m_index, kWholeNumber, "the problem with index N (default: every problem)");
        declareJson(app, m_json,
            "one object per call: step, messages, response and reasoning text, finish reason, "
            "status and reason, tokens, latency");
    }
    int run(const CommandContext& context) override;

private:
    std::string m_run;
    std::string m_db;
    long long m_index = -1;
    bool m_json = false;
};

int CallsCommand::run(const CommandContext& context)
{
    if (m_run.empty())
        return reportError(context, makeError(ErrorCode::Usage, "calls takes a run id: RUN"));
    auto runId = parseRunId(m_run, "RUN");
    if (!runId)
        return reportError(context, runId.error());
    if (context.parsed.count("--index") && m_index < 0)
        return reportError(context, makeError(ErrorCode::Usage, "must be 0 or more", "--index"));
    auto store = openStoreReadOnly(m_db);
    if (!store)
        return reportError(context, store.error());
    // Fails with NotFound naming the database when the run does not exist.
    if (auto run = store->run(*runId); !run)
        return reportError(context, run.error());
    auto calls = m_index >= 0 ? store->loadCalls(*runId, m_index) : store->loadCalls(*runId);
    if (!calls)
        return reportError(context, calls.error());
    if (m_json) {
        nlohmann::json out = nlohmann::json::array();
        for (const store::CallRecord& call : *calls)
            out.push_back(run::callJson(call));
        context.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return kExitOk;
    }
    if (calls->empty())
        context.out << "no stored calls" << (m_index >= 0 ? " for problem " + std::to_string(m_index) : std::string())
                    << " in run " << *runId << '\n';
    for (const store::CallRecord& call : *calls)
        context.out << run::callText(call) << '\n';
    return kExitOk;
}

} // namespace

std::unique_ptr<Command> makeCallsCommand() { return std::make_unique<CallsCommand>(); }

} // namespace wb::cli
