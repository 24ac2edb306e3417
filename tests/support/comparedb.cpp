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

/// All the request's message texts, one after the other.
std::string promptOf(const nlohmann::json& request)
{
    std::string text;
    if (request.contains("messages") && request["messages"].is_array()) {
        for (const auto& message : request["messages"]) {
            if (message.contains("content") && message["content"].is_string())
                text += message["content"].get<std::string>() + "\n";
        }
    }
    return text;
}

/// Correct for a method-dependent share of problems: 55% plain, 80% when the prompt carries the I3C
/// instruction (the verify and reason prompts mention irrelevant conditions).
std::string answerFor(const nlohmann::json& request, const std::vector<dataset::Problem>& problems)
{
    // Every message counts: the extract step repeats the problem but not the instruction of the reason step.
    const std::string last = promptOf(request);
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

/// The reply to a reasoning step carries the model's reasoning text beside the answer, as vLLM and DeepSeek send
/// it; with the I3C instruction, a few problems (about 6%) spend the whole budget on reasoning and come back
/// empty, so that runs show unanswered problems too. Other steps are answered plainly (null).
nlohmann::json choiceFor(const nlohmann::json& request, const std::vector<dataset::Problem>& problems)
{
    const std::string prompt = promptOf(request);
    if (prompt.find("Therefore") != std::string::npos || prompt.find("Is condition") != std::string::npos)
        return nullptr;
    for (const dataset::Problem& problem : problems) {
        if (!problem.goldNumber || prompt.find(problem.text) == std::string::npos)
            continue;
        const std::string thinking = "The question asks for one number. I list the quantities and check which ones "
                                     "the question needs before computing.";
        const bool i3c = prompt.find("irrelevant") != std::string::npos;
        if (i3c && fnv1a(problem.id + "+empty") % 100 < 6)
            return { { "message",
                         { { "role", "assistant" }, { "content", nullptr }, { "reasoning_content", thinking } } },
                { "finish_reason", "length" } };
        return { { "message",
                     { { "role", "assistant" }, { "content", answerFor(request, problems) },
                         { "reasoning_content", thinking } } },
            { "finish_reason", "stop" } };
    }
    return nullptr;
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
    serverConfig.choice = [problems](const nlohmann::json& request) { return choiceFor(request, problems); };
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
