// SPDX-License-Identifier: Apache-2.0
// i3c methods [--json]
#include "app/cli/command.h"
#include "app/cli/options.h"

#include "core/method/methodjson.h"
#include "core/method/methodlibrary.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace wb::cli {

namespace {

class MethodsCommand final : public Command {
public:
    std::string name() const override { return "methods"; }
    std::string summary() const override { return "list the built-in methods (prompt programs)"; }
    void declare(CLI::App& app) override
    {
        app.add_option("--dir", m_dir, "read the method files from DIR instead of the installed ones")
            ->type_name("DIR");
        declareJson(app, m_json, "every method with its full definition and sha256");
    }
    int run(const CommandContext& context) override;

private:
    std::string m_dir;
    bool m_json = false;
};

int MethodsCommand::run(const CommandContext& context)
{
    auto methods = method::loadBuiltinMethods(m_dir);
    if (!methods)
        return reportError(context, methods.error());
    if (m_json) {
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

} // namespace

std::unique_ptr<Command> makeMethodsCommand() { return std::make_unique<MethodsCommand>(); }

} // namespace wb::cli
