// SPDX-License-Identifier: Apache-2.0
// i3c methods [--json]
#include "app/cli/args.h"
#include "app/cli/command.h"

#include "core/method/methodjson.h"
#include "core/method/methodlibrary.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace wb::cli {

int methodsCommand(const CommandContext& context)
{
    auto args = Args::parse(context.args, { "dir" }, { "json" });
    if (!args)
        return reportError(context, args.error());
    if (!args->positionals().empty())
        return reportError(context, makeError(ErrorCode::Usage, "methods takes no positional arguments"));
    auto methods = method::loadBuiltinMethods(args->valueOr("dir", ""));
    if (!methods)
        return reportError(context, methods.error());
    if (args->has("json")) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& m : *methods) {
            nlohmann::json item = method::methodToJson(m);
            item["sha256"] = method::methodSha256(m);
            list.push_back(std::move(item));
        }
        context.out << list.dump(2) << '\n';
        return kExitOk;
    }
    char line[512];
    std::snprintf(line, sizeof line, "%-22s %-28s %-8s %-40s %s\n", "ID", "NAME", "FAMILY", "STEPS", "DEMOS");
    context.out << line;
    for (const auto& m : *methods) {
        std::string steps;
        for (const auto& step : m.steps)
            steps += (steps.empty() ? "" : " > ") + step.id
                + (step.kind == method::StepKind::Verify ? "[each candidate]" : "");
        std::string demos = "-";
        if (m.demos.source != method::DemoSource::None)
            demos = std::string(method::demoSourceName(m.demos.source)) + " k=" + std::to_string(m.demos.k)
                + " set=" + m.demos.set;
        std::snprintf(line, sizeof line, "%-22s %-28s %-8s %-40s %s\n", m.id.c_str(), m.name.c_str(),
            method::familyName(m.family), steps.c_str(), demos.c_str());
        context.out << line;
    }
    return kExitOk;
}

} // namespace wb::cli
