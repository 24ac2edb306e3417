// SPDX-License-Identifier: Apache-2.0
// i3c select-demos POOL_FILE --method i3c-select|complex|auto [--k 8] [--db FILE] [backend options]
#include "app/cli/command.h"
#include "app/cli/datasetoptions.h"
#include "app/cli/options.h"
#include "app/cli/commands/runshared.h"

#include "core/run/demobuilder.h"

#include <nlohmann/json.hpp>

namespace wb::cli {

namespace {

class SelectDemosCommand final : public Command {
public:
    std::string name() const override { return "select-demos"; }
    std::string summary() const override { return "select demonstrations from a pool and store them as a demo set"; }
    void declare(CLI::App& app) override
    {
        declareDatasetFile(app, m_pool, "POOL_FILE", "training problems to choose the demonstrations from");
        app.add_option("--method", m_method, "how to choose: i3c-select, complex (Complex-CoT) or auto (Auto-CoT)")
            ->type_name("i3c-select|complex|auto");
        addNumber(app, "--k", m_k, kWholeNumber, "number of demonstrations, 1..1000")->capture_default_str();
        declareDatabase(app, m_db, kDefaultDbPath);
        app.add_option("--name", m_name, "name of the stored set (default: made from the method and k)")
            ->type_name("S");
        addNumber(app, "--pool-limit", m_poolLimit, kWholeNumber, "use only the first N problems of the pool (0: all)");
        declareFormat(app, m_format);
        declareJson(app, m_json, "the stored set with its id");
        // Complex-CoT needs no backend; the others need one only to write the reasoning paths.
        declareBackendOptions(app, m_backend);
        app.get_option("--seed")->description("seed of the selection, also sent with every request");
    }
    int run(const CommandContext& context) override;

private:
    std::string m_pool;
    std::string m_method;
    long long m_k = 8;
    std::string m_db;
    std::string m_name;
    long long m_poolLimit = 0;
    std::string m_format;
    bool m_json = false;
    BackendOptions m_backend;
};

int SelectDemosCommand::run(const CommandContext& context)
{
    if (m_pool.empty())
        return reportError(context, makeError(ErrorCode::Usage, "select-demos takes exactly one POOL_FILE"));
    run::DemoBuildOptions options;
    options.poolPath = m_pool;
    options.poolFormat = m_format.empty() ? "auto" : m_format;
    if (m_method == "i3c-select")
        options.source = method::DemoSource::I3cSelect;
    else if (m_method == "complex" || m_method == "complex-cot")
        options.source = method::DemoSource::ComplexCot;
    else if (m_method == "auto" || m_method == "auto-cot")
        options.source = method::DemoSource::AutoCot;
    else
        return reportError(context, makeError(ErrorCode::Usage, "--method must be i3c-select, complex or auto"));
    if (m_k < 1 || m_k > 1000)
        return reportError(context, makeError(ErrorCode::Usage, "option --k must be between 1 and 1000"));
    if (m_poolLimit < 0)
        return reportError(context, makeError(ErrorCode::Usage, "option --pool-limit must not be negative"));
    options.k = std::size_t(m_k);
    options.seed = std::uint64_t(m_backend.seed.value_or(0));
    options.poolLimit = std::size_t(m_poolLimit);
    options.name = m_name;
    if (!m_backend.model.empty()) {
        if (auto backend = applyBackendOptions(m_backend, options.backend); !backend)
            return reportError(context, backend.error());
    } else {
        options.backend.encoder = m_backend.encoder;
        options.backend.encoderModel = m_backend.embeddingModel;
    }
    auto store = openStore(m_db, false);
    if (!store)
        return reportError(context, store.error());
    CancelToken cancel;
    auto built = run::buildDemoSet(*store, options, cancel);
    if (!built)
        return reportError(context, built.error());
    if (m_json) {
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

} // namespace

std::unique_ptr<Command> makeSelectDemosCommand() { return std::make_unique<SelectDemosCommand>(); }

} // namespace wb::cli
