// SPDX-License-Identifier: Apache-2.0
// i3c select-demos POOL_FILE --method i3c-select|complex|auto [--k 8] [--db FILE] [backend options]
#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/commands/runshared.h"

#include "core/run/demobuilder.h"

#include <nlohmann/json.hpp>

namespace wb::cli {

int selectDemosCommand(const CommandContext& context)
{
    auto valueOptions = backendValueOptions();
    valueOptions.insert({ "db", "method", "k", "name", "seed", "pool-limit", "format" });
    auto args = Args::parse(context.args, valueOptions, { "no-cache", "json" });
    if (!args)
        return reportError(context, args.error());
    if (args->positionals().size() != 1)
        return reportError(context, makeError(ErrorCode::Usage, "select-demos takes exactly one POOL_FILE"));

    run::DemoBuildOptions options;
    options.poolPath = args->positionals().front();
    options.poolFormat = args->valueOr("format", "auto");
    const std::string how = args->valueOr("method", "");
    if (how == "i3c-select")
        options.source = method::DemoSource::I3cSelect;
    else if (how == "complex" || how == "complex-cot")
        options.source = method::DemoSource::ComplexCot;
    else if (how == "auto" || how == "auto-cot")
        options.source = method::DemoSource::AutoCot;
    else
        return reportError(context, makeError(ErrorCode::Usage, "--method must be i3c-select, complex or auto"));
    auto k = args->integer("k", 8);
    auto seed = args->integer("seed", 0);
    auto poolLimit = args->integer("pool-limit", 0);
    for (const auto* r : { &k, &seed, &poolLimit }) {
        if (!*r)
            return reportError(context, r->error());
    }
    if (*k < 1 || *k > 1000)
        return reportError(context, makeError(ErrorCode::Usage, "option --k must be between 1 and 1000"));
    if (*poolLimit < 0)
        return reportError(context, makeError(ErrorCode::Usage, "option --pool-limit must not be negative"));
    options.k = std::size_t(*k);
    options.seed = std::uint64_t(*seed);
    options.poolLimit = std::size_t(*poolLimit);
    options.name = args->valueOr("name", "");
    // Complex-CoT needs no backend; the others need one only to write reasoning paths.
    if (args->value("model")) {
        if (auto backend = applyBackendOptions(*args, options.backend); !backend)
            return reportError(context, backend.error());
    } else {
        options.backend.encoder = args->valueOr("encoder", "builtin");
        options.backend.encoderModel = args->valueOr("embedding-model", "");
    }
    auto store = openStore(*args, false);
    if (!store)
        return reportError(context, store.error());
    CancelToken cancel;
    auto built = run::buildDemoSet(*store, options, cancel);
    if (!built)
        return reportError(context, built.error());
    if (args->has("json")) {
        nlohmann::json doc = method::demoSetToJson(built->set);
        doc["id"] = built->demoSetId;
        doc["generated_calls"] = built->generatedCalls;
        context.out << doc.dump(2) << '\n';
    } else {
        context.out << built->demoSetId << '\n';
        context.out << "stored demo set " << built->demoSetId << " '" << built->set.name << "' with "
                    << built->set.items.size() << " demonstrations: " << built->set.howMade << '\n';
    }
    return kExitOk;
}

} // namespace wb::cli
