// SPDX-License-Identifier: Apache-2.0
// i3c import-demos FILE --db DB [--name S]: stores a demonstration set (e.g. the I3C-Select demonstrations file)
// in a database, so few-shot methods that name the set find it.
#include "app/cli/command.h"
#include "app/cli/options.h"

#include "core/common/sha256.h"
#include "core/method/demos.h"
#include "core/store/store.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace wb::cli {

namespace {

class ImportDemosCommand final : public Command {
public:
    std::string name() const override { return "import-demos"; }
    std::string summary() const override
    {
        return "store a demonstrations file (e.g. I3C-Select's) as a demo set in a database";
    }
    void declare(CLI::App& app) override
    {
        addPositional(app, "FILE", m_path, "demonstrations file (JSON: question, answer, reasoning)");
        declareDatabase(app, m_db, "i3c-workbench.db");
        app.add_option("--name", m_name, "name of the stored set (default: the file's)")->type_name("S");
        declareJson(app, m_json, "the stored set's id, name and size");
    }
    int run(const CommandContext& context) override;

private:
    std::string m_path;
    std::string m_db;
    std::string m_name;
    bool m_json = false;
};

int ImportDemosCommand::run(const CommandContext& context)
{
    if (m_path.empty())
        return reportError(context, makeError(ErrorCode::Usage, "import-demos takes exactly one demonstrations FILE"));
    const std::string& path = m_path;
    const std::string& dbPath = m_db;

    auto set = method::loadDemoSetFile(path);
    if (!set)
        return reportError(context, set.error());
    if (set->items.empty())
        return reportError(context, makeError(ErrorCode::InvalidInput, "the file holds no demonstrations", path));
    if (!m_name.empty())
        set->name = m_name;

    std::ifstream file(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    store::DemoSetRecord record;
    record.name = set->name;
    record.howMade = "imported from " + path + " (sha256 " + Sha256::hex(bytes.str()).substr(0, 16) + ")"
        + (set->howMade.empty() ? std::string() : "; " + set->howMade);
    record.itemsJson = method::demoItemsToJson(set->items).dump();

    auto store = store::Store::open(dbPath);
    if (!store)
        return reportError(context, store.error());
    auto id = store->saveDemoSet(record);
    if (!id)
        return reportError(context, id.error());
    if (m_json)
        context.out << nlohmann::json {
            { "demo_set_id", *id }, { "name", record.name }, { "items", set->items.size() }
        }.dump() << '\n';
    else
        context.out << "stored demo set " << *id << " '" << record.name << "' with " << set->items.size()
                    << " demonstrations in " << dbPath << '\n';
    return kExitOk;
}

} // namespace

std::unique_ptr<Command> makeImportDemosCommand() { return std::make_unique<ImportDemosCommand>(); }

} // namespace wb::cli
