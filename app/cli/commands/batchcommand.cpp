// SPDX-License-Identifier: Apache-2.0
// i3c export-batch --db FILE RUN --out FILE.jsonl | i3c import-batch --db FILE RUN RESULTS.jsonl
#include "app/cli/command.h"
#include "app/cli/options.h"
#include "app/cli/commands/runshared.h"

#include "core/common/atomicfile.h"
#include "core/run/runner.h"

#include <fstream>
#include <sstream>

namespace wb::cli {

namespace {

class ExportBatchCommand final : public Command {
public:
    std::string name() const override { return "export-batch"; }
    std::string summary() const override { return "write a run's next unfinished calls as OpenAI Batch API JSONL"; }
    void declare(CLI::App& app) override
    {
        addPositional(app, "RUN", m_run, "id of the run (planned with i3c run --plan-only)");
        declareDatabase(app, m_db, kDefaultDbPath);
        app.add_option("--out", m_out, "Batch API input file to write; required")->type_name("FILE.jsonl");
    }
    int run(const CommandContext& context) override;

private:
    std::string m_run;
    std::string m_db;
    std::string m_out;
};

class ImportBatchCommand final : public Command {
public:
    std::string name() const override { return "import-batch"; }
    std::string summary() const override { return "read a Batch API output file back into a run"; }
    void declare(CLI::App& app) override
    {
        addPositional(app, "RUN", m_run, "id of the run the requests were exported from");
        addPositional(app, "RESULTS", m_results, "the Batch API output file (RESULTS.jsonl)");
        declareDatabase(app, m_db, kDefaultDbPath);
    }
    int run(const CommandContext& context) override;

private:
    std::string m_run;
    std::string m_results;
    std::string m_db;
};

int ExportBatchCommand::run(const CommandContext& context)
{
    if (m_out.empty())
        return reportError(context, makeError(ErrorCode::Usage, "export-batch needs --out FILE.jsonl"));
    const std::string& outPath = m_out;
    if (m_run.empty())
        return reportError(context, makeError(ErrorCode::Usage, "export-batch takes exactly one RUN id"));
    auto runId = parseRunId(m_run, "RUN");
    if (!runId)
        return reportError(context, runId.error());
    auto store = openStore(m_db, true);
    if (!store)
        return reportError(context, store.error());
    run::Runner runner(*store);
    std::ostringstream out;
    auto lines = runner.exportBatch(*runId, out);
    if (!lines)
        return reportError(context, lines.error());
    if (auto written = writeFileAtomically(outPath, out.str()); !written)
        return reportError(context, written.error());
    if (*lines == 0)
        context.out << "run " << *runId << " has no unfinished calls; nothing to export\n";
    else
        context.out << "wrote " << *lines << " requests to " << outPath
                    << "; upload it to the provider's Batch API, then: i3c import-batch --db " << store->path() << ' '
                    << *runId << " RESULTS.jsonl\n";
    return kExitOk;
}

int ImportBatchCommand::run(const CommandContext& context)
{
    if (m_run.empty() || m_results.empty())
        return reportError(
            context, makeError(ErrorCode::Usage, "import-batch takes a RUN id and the RESULTS.jsonl file"));
    auto runId = parseRunId(m_run, "RUN");
    if (!runId)
        return reportError(context, runId.error());
    const std::string& path = m_results;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return reportError(context, makeError(ErrorCode::NotFound, "cannot read the results file", path));
    auto store = openStore(m_db, true);
    if (!store)
        return reportError(context, store.error());
    run::Runner runner(*store);
    auto summary = runner.importBatch(*runId, in, path);
    if (!summary)
        return reportError(context, summary.error());
    context.out << "imported " << summary->imported << " calls (" << summary->failed << " failed, " << summary->skipped
                << " already stored); " << summary->problemsFinished << " problems finished\n";
    context.out << "next: i3c export-batch --db " << store->path() << ' ' << *runId
                << " --out NEXT.jsonl (exports the next stage; nothing when the run is complete), then i3c report --db "
                << store->path() << ' ' << *runId << '\n';
    return summary->failed > 0 ? kExitFailure : kExitOk;
}

} // namespace

std::unique_ptr<Command> makeExportBatchCommand() { return std::make_unique<ExportBatchCommand>(); }
std::unique_ptr<Command> makeImportBatchCommand() { return std::make_unique<ImportBatchCommand>(); }

} // namespace wb::cli
