// SPDX-License-Identifier: Apache-2.0
#include "core/run/methodprogram.h"

#include "core/method/methodjson.h"
#include "core/method/methodlibrary.h"
#include "core/method/render.h"
#include "core/store/store.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace wb::run {

MethodStepProgram::MethodStepProgram(method::Method method, std::vector<method::DemoItem> demos)
    : m_method(std::move(method))
    , m_demos(std::move(demos))
{
}

Result<std::unique_ptr<MethodStepProgram>> MethodStepProgram::create(
    const RunConfig& config, const std::string& demoItemsJson)
{
    auto method = method::parseMethod(config.methodText, "method " + config.methodId);
    if (!method)
        return method.error();
    const auto json = nlohmann::json::parse(demoItemsJson.empty() ? std::string("[]") : demoItemsJson, nullptr, false);
    if (json.is_discarded())
        return makeError(ErrorCode::InvalidInput, "demo items are not valid JSON", "run demo set");
    auto demos = method::demoItemsFromJson(json, "run demo set");
    if (!demos)
        return demos.error();
    if (method->demos.source != method::DemoSource::None && demos->empty())
        return makeError(ErrorCode::Usage, "method '" + method->id + "' needs demonstrations but the run has none",
            "config.method.demo_set");
    return std::unique_ptr<MethodStepProgram>(new MethodStepProgram(std::move(*method), std::move(*demos)));
}

bool MethodStepProgram::needsCandidates() const { return m_method.usesCandidates(); }

std::vector<std::string> MethodStepProgram::plan(const dataset::Problem&, const std::vector<int>& candidates) const
{
    return method::planKeys(m_method, candidates);
}

Result<llm::ChatRequest> MethodStepProgram::render(const std::string& step, const StepContext& context) const
{
    const method::RenderInput input { context.problem, context.candidates, context.outputs, m_demos };
    auto rendered = method::renderCall(m_method, step, input);
    if (!rendered)
        return rendered.error();
    return method::toChatRequest(*rendered);
}

eval::ExtractedAnswer MethodStepProgram::extract(const StepContext& context) const
{
    const method::RenderInput input { context.problem, context.candidates, context.outputs, m_demos };
    return method::extractAnswerFromOutputs(m_method, input);
}

Result<method::Method> resolveMethod(const std::string& idOrPath, RunConfig& config)
{
    Result<method::Method> method = makeError(ErrorCode::NotFound, "no method", "--method");
    const bool looksLikeFile = idOrPath.find('/') != std::string::npos
        || (idOrPath.size() > 5 && idOrPath.compare(idOrPath.size() - 5, 5, ".json") == 0);
    if (looksLikeFile) {
        method = method::loadMethodFile(idOrPath);
    } else {
        auto builtins = method::loadBuiltinMethods();
        if (!builtins)
            return builtins.error();
        std::string known;
        for (auto& m : *builtins) {
            if (m.id == idOrPath)
                method = std::move(m);
            else
                known += (known.empty() ? "" : ", ") + m.id;
        }
        if (!method)
            return makeError(
                ErrorCode::NotFound, "unknown method '" + idOrPath + "' (known: " + known + ")", "--method");
    }
    if (!method)
        return method.error();
    config.methodId = method->id;
    config.methodText = method::canonicalMethodJson(*method);
    config.methodHash = method::methodSha256(*method);
    return method;
}

Result<std::int64_t> resolveDemoSet(store::Store& store, const method::Method& method)
{
    if (method.demos.source == method::DemoSource::None)
        return std::int64_t(0);
    const std::string& name = method.demos.set;
    auto stored = store.listDemoSets();
    if (!stored)
        return stored.error();
    std::int64_t newest = 0;
    for (const auto& set : *stored) {
        if (set.name == name && set.id > newest)
            newest = set.id;
    }
    if (newest)
        return newest;
    auto methodsDir = method::defaultMethodsDir();
    if (!methodsDir)
        return methodsDir.error();
    const std::string path = method::demoSetPath(*methodsDir, name);
    std::error_code ec;
    if (name.empty() || !std::filesystem::exists(path, ec))
        return makeError(ErrorCode::Usage,
            "method '" + method.id + "' needs the demo set '" + name
                + "'; make it with `i3c select-demos POOL --method " + method::demoSourceName(method.demos.source)
                + " --k " + std::to_string(method.demos.k) + " --name " + name + "` or choose one with --demo-set ID",
            "config.method.demos");
    auto file = method::loadDemoSetFile(path);
    if (!file)
        return file.error();
    store::DemoSetRecord record;
    record.name = name;
    record.howMade = file->howMade.empty() ? "shipped " + path : file->howMade;
    record.itemsJson = method::demoItemsToJson(file->items).dump();
    return store.saveDemoSet(record);
}

} // namespace wb::run
