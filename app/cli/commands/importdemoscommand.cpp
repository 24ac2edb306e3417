// SPDX-License-Identifier: Apache-2.0
// i3c import-demos FILE --db DB [--name S]: stores a demonstration set (e.g. the I3C-Select demonstrations file)
// in a database, so few-shot methods that name the set find it.
#include "app/cli/args.h"
#include "app/cli/command.h"

#include "core/common/sha256.h"
#include "core/method/demos.h"
#include "core/store/store.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace wb::cli {

int importDemosCommand(const CommandContext& context)
{
    auto args = Args::parse(context.args, { "db", "name" }, { "json" });
    if (!args)
        return reportError(context, args.error());
    if (args->positionals().size() != 1)
        return reportError(context, makeError(ErrorCode::Usage, "import-demos takes exactly one demonstrations FILE"));
    const std::string path = args->positionals().front();
    const std::string dbPath = args->valueOr("db", "i3c-workbench.db");

    auto set = method::loadDemoSetFile(path);
    if (!set)
        return reportError(context, set.error());
    if (set->items.empty())
        return reportError(context, makeError(ErrorCode::InvalidInput, "the file holds no demonstrations", path));
    if (const auto name = args->value("name"))
        set->name = *name;

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
    if (args->has("json"))
        context.out << nlohmann::json {
            { "demo_set_id", *id }, { "name", record.name }, { "items", set->items.size() }
        }.dump() << '\n';
    else
        context.out << "stored demo set " << *id << " '" << record.name << "' with " << set->items.size()
                    << " demonstrations in " << dbPath << '\n';
    return kExitOk;
}

} // namespace wb::cli
