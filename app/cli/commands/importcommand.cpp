// SPDX-License-Identifier: Apache-2.0
#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/datasetoptions.h"

#include "core/dataset/loader.h"
#include "core/store/store.h"

namespace wb::cli {

int importCommand(const CommandContext& context)
{
    auto args = Args::parse(context.args, { "db", "format", "map" }, { "strict", "json" });
    if (!args)
        return reportError(context, args.error());
    if (args->positionals().size() != 1)
        return reportError(context, makeError(ErrorCode::Usage, "import takes exactly one dataset FILE"));
    const auto dbPath = args->value("db");
    if (!dbPath)
        return reportError(context, makeError(ErrorCode::Usage, "import needs --db FILE"));
    auto options = datasetLoadOptions(*args);
    if (!options)
        return reportError(context, options.error());

    auto store = store::Store::open(*dbPath);
    if (!store)
        return reportError(context, store.error());
    const std::string path = args->positionals().front();
    dataset::DatasetInfo info;
    auto imported = store->importDatasetStreaming([&](const dataset::ProblemSink& sink) {
        auto loaded = dataset::streamDataset(path, *options, sink);
        if (loaded)
            info = *loaded;
        return loaded;
    });
    if (!imported)
        return reportError(context, imported.error());
    for (const auto& diagnostic : info.diagnostics)
        context.err << diagnostic.toString() << '\n';
    auto record = store->dataset(imported->datasetId);
    if (!record)
        return reportError(context, record.error());
    if (args->has("json")) {
        context.out << "{\"dataset_id\": " << record->id << ", \"problems\": " << record->problemCount
                    << ", \"already_present\": " << (imported->alreadyPresent ? "true" : "false") << "}\n";
    } else {
        context.out << (imported->alreadyPresent ? "already imported as dataset " : "imported dataset ") << record->id
                    << ": " << record->name << " (" << record->format << ", " << record->problemCount
                    << " problems) into " << *dbPath << '\n';
    }
    return kExitOk;
}

} // namespace wb::cli
