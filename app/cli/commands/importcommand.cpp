// SPDX-License-Identifier: Apache-2.0
// i3c import FILE --db DB [--format F] [--map SPEC] [--strict] [--json]
#include "app/cli/command.h"
#include "app/cli/datasetoptions.h"
#include "app/cli/options.h"

#include "core/dataset/loader.h"
#include "core/store/store.h"

namespace wb::cli {

namespace {

class ImportCommand final : public Command {
public:
    std::string name() const override { return "import"; }
    std::string summary() const override { return "load a dataset file into a workbench database"; }
    void declare(CLI::App& app) override
    {
        declareDatasetFile(app, m_path, "FILE", "dataset file");
        app.add_option("--db", m_db, "workbench database (SQLite) to store the dataset in; required")
            ->type_name("FILE");
        declareDatasetOptions(app, m_dataset);
        declareJson(app, m_json, "the dataset id, problem count and whether it was already present");
    }
    int run(const CommandContext& context) override;

private:
    std::string m_path;
    std::string m_db;
    DatasetOptions m_dataset;
    bool m_json = false;
};

int ImportCommand::run(const CommandContext& context)
{
    if (m_path.empty())
        return reportError(context, makeError(ErrorCode::Usage, "import takes exactly one dataset FILE"));
    if (m_db.empty())
        return reportError(context, makeError(ErrorCode::Usage, "import needs --db FILE"));
    auto options = datasetLoadOptions(m_dataset);
    if (!options)
        return reportError(context, options.error());

    auto store = store::Store::open(m_db);
    if (!store)
        return reportError(context, store.error());
    const std::string& path = m_path;
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
    if (m_json) {
        context.out << "{\"dataset_id\": " << record->id << ", \"problems\": " << record->problemCount
                    << ", \"already_present\": " << (imported->alreadyPresent ? "true" : "false") << "}\n";
    } else {
        context.out << (imported->alreadyPresent ? "already imported as dataset " : "imported dataset ") << record->id
                    << ": " << record->name << " (" << record->format << ", " << record->problemCount
                    << " problems) into " << m_db << '\n';
    }
    return kExitOk;
}

} // namespace

std::unique_ptr<Command> makeImportCommand() { return std::make_unique<ImportCommand>(); }

} // namespace wb::cli
