// SPDX-License-Identifier: Apache-2.0
// i3c export-batch --db FILE RUN --out FILE.jsonl | i3c import-batch --db FILE RUN RESULTS.jsonl
#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/commands/runshared.h"

#include "core/common/atomicfile.h"
#include "core/run/runner.h"

#include <fstream>
#include <sstream>

namespace wb::cli {

int exportBatchCommand(const CommandContext& context)
{
    auto args = Args::parse(context.args, { "db", "out" }, {});
    if (!args)
        return reportError(context, args.error());
    const auto outPath = args->value("out");
    if (!outPath)
        return reportError(context, makeError(ErrorCode::Usage, "export-batch needs --out FILE.jsonl"));
    auto runId = singleRunId(*args, "export-batch");
    if (!runId)
        return reportError(context, runId.error());
    auto store = openStore(*args, true);
    if (!store)
        return reportError(context, store.error());
    run::Runner runner(*store);
    std::ostringstream out;
    auto lines = runner.exportBatch(*runId, out);
    if (!lines)
        return reportError(context, lines.error());
    if (auto written = writeFileAtomically(*outPath, out.str()); !written)
        return reportError(context, written.error());
    if (*lines == 0)
        context.out << "run " << *runId << " has no unfinished calls; nothing to export\n";
    else
        context.out << "wrote " << *lines << " requests to " << *outPath
                    << "; upload it to the provider's Batch API, then: i3c import-batch --db " << store->path() << ' '
                    << *runId << " RESULTS.jsonl\n";
    return kExitOk;
}

int importBatchCommand(const CommandContext& context)
{
    auto args = Args::parse(context.args, { "db" }, {});
    if (!args)
        return reportError(context, args.error());
    if (args->positionals().size() != 2)
        return reportError(
            context, makeError(ErrorCode::Usage, "import-batch takes a RUN id and the RESULTS.jsonl file"));
    auto runId = parseRunId(args->positionals()[0], "RUN");
    if (!runId)
        return reportError(context, runId.error());
    const std::string path = args->positionals()[1];
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return reportError(context, makeError(ErrorCode::NotFound, "cannot read the results file", path));
    auto store = openStore(*args, true);
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

} // namespace wb::cli
