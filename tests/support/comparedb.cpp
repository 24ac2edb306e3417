// SPDX-License-Identifier: Apache-2.0
#include "support/comparedb.h"

#include "support/fakeserver.h"

#include "core/dataset/loader.h"
#include "core/run/methodprogram.h"
#include "core/run/runner.h"
#include "core/store/store.h"

#include <cmath>
#include <cstdint>
#include <sstream>

namespace wb::test {

namespace {

std::uint32_t fnv1a(const std::string& text)
{
    std::uint32_t hash = 2166136261u;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

/// Correct for a method-dependent share of problems: 55% plain, 80% when the prompt carries the I3C
/// instruction (the verify and reason prompts mention irrelevant conditions).
std::string answerFor(const nlohmann::json& request, const std::vector<dataset::Problem>& problems)
{
    // Every message counts: the extract step repeats the problem but not the instruction of the reason step.
    std::string last;
    if (request.contains("messages") && request["messages"].is_array()) {
        for (const auto& message : request["messages"]) {
            if (message.contains("content") && message["content"].is_string())
                last += message["content"].get<std::string>() + "\n";
        }
    }
    const bool i3c = last.find("irrelevant") != std::string::npos;
    for (const dataset::Problem& problem : problems) {
        if (!problem.goldNumber || last.find(problem.text) == std::string::npos)
            continue;
        const bool right = fnv1a(problem.id + (i3c ? "+i3c" : "")) % 100 < (i3c ? 80u : 55u);
        const double answer = right ? *problem.goldNumber : *problem.goldNumber + 1.0;
        const std::string reasoning = i3c
            ? "First we set aside the irrelevant conditions. Then we use the remaining numbers step by step."
            : "We use every number in the problem step by step.";
        return reasoning + " The answer is " + number(answer) + ".";
    }
    return "The condition is relevant. The answer is 0.";
}

} // namespace

Result<std::vector<store::RowId>> makeComparisonDatabase(
    const std::string& dbPath, const std::string& datasetPath, const std::vector<std::string>& methods)
{
    auto dataset = dataset::loadDataset(datasetPath);
    if (!dataset)
        return dataset.error();
    const std::vector<dataset::Problem> problems = dataset->problems;
    FakeServerConfig serverConfig;
    serverConfig.answer = [problems](const nlohmann::json& request) { return answerFor(request, problems); };
    FakeServer server(serverConfig);
    if (!server.start())
        return makeError(ErrorCode::Network, "the fake server could not listen on 127.0.0.1");
    auto store = store::Store::open(dbPath);
    if (!store)
        return store.error();
    std::vector<store::RowId> ids;
    for (const std::string& method : methods) {
        run::Runner runner(*store);
        run::RunConfig config;
        config.name = "fake-server " + method;
        config.datasetPath = datasetPath;
        config.backend.baseUrl = server.baseUrl();
        config.backend.model = "fake-model";
        config.backend.concurrency = 4;
        config.backend.requestTimeoutS = 10;
        if (auto resolved = run::resolveMethod(method, config); !resolved)
            return resolved.error();
        auto id = runner.create(config);
        if (!id)
            return id.error();
        CancelToken cancel;
        auto summary = runner.execute(*id, cancel);
        if (!summary)
            return summary.error();
        ids.push_back(*id);
    }
    return ids;
}

} // namespace wb::test
