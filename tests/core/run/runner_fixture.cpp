// SPDX-License-Identifier: Apache-2.0
#include "runner_fixture.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace wb::test {

bool writeArithmeticDataset(const std::string& path, int count)
{
    static const char* const kNames[] = { "Tom", "Ana", "Li", "Sam", "Mia", "Raj", "Eve" };
    static const char* const kItems[] = { "apples", "pears", "stamps", "marbles", "books" };
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (int i = 0; i < count; ++i) {
        const int a = 3 + i;
        const int b = 2 + (i * 7) % 11;
        const int c = 10 + (i * 13) % 17;
        const std::string name = kNames[i % 7];
        const std::string item = kItems[i % 5];
        const std::string question = name + " has " + std::to_string(a) + " " + item + ". " + name + " buys "
            + std::to_string(b) + " more " + item + ". The neighbour owns " + std::to_string(c)
            + " bicycles painted blue. How many " + item + " does " + name + " have now?";
        const nlohmann::json record = { { "question", question },
            { "answer",
                name + " has " + std::to_string(a) + "+" + std::to_string(b) + "=" + std::to_string(a + b) + ".\n#### "
                    + std::to_string(a + b) } };
        out << record.dump() << '\n';
    }
    return bool(out);
}

std::vector<std::string> ArithmeticProgram::plan(const dataset::Problem&, const std::vector<int>& candidates) const
{
    std::vector<std::string> steps;
    for (const int c : candidates)
        steps.push_back("verify:" + std::to_string(c));
    steps.push_back("reason");
    steps.push_back("extract");
    return steps;
}

Result<llm::ChatRequest> ArithmeticProgram::render(const std::string& step, const run::StepContext& context) const
{
    llm::ChatRequest request;
    std::string prompt;
    if (step.rfind("verify:", 0) == 0) {
        const int index = std::stoi(step.substr(7));
        if (index < 0 || std::size_t(index) >= context.problem.conditions.size())
            return makeError(ErrorCode::Internal, "no condition " + step);
        prompt = "Q: " + context.problem.text + " Is condition \"" + context.problem.conditions[std::size_t(index)]
            + "\" relevant?\nA: Let's think step by step.";
        request.temperature = 0.7;
        request.maxTokens = 512;
    } else if (step == "reason") {
        std::string instruction;
        for (const int c : context.candidates)
            instruction += context.outputs.at("verify:" + std::to_string(c)) + "\n";
        prompt = instruction + "Q: " + context.problem.text + "\nA: Let's think step by step.";
        request.temperature = 0.1;
        request.maxTokens = 1024;
    } else if (step == "extract") {
        prompt = "Q: " + context.problem.text + "\nA: " + context.outputs.at("reason") + "\nTherefore, the answer is:";
        request.temperature = 0.1;
        request.maxTokens = 1024;
    } else {
        return makeError(ErrorCode::Internal, "unknown step " + step);
    }
    request.messages.push_back({ "user", prompt });
    return request;
}

eval::ExtractedAnswer ArithmeticProgram::extract(const run::StepContext& context) const
{
    const auto it = context.outputs.find("extract");
    return eval::extractAnswer(it == context.outputs.end() ? std::string() : it->second, { "last-number" }, false);
}

run::StepProgramFactory arithmeticProgramFactory()
{
    return [](const run::RunConfig&, const std::string&) -> Result<std::unique_ptr<run::StepProgram>> {
        return std::unique_ptr<run::StepProgram>(new ArithmeticProgram());
    };
}

run::RunConfig arithmeticConfig(const std::string& datasetPath, const std::string& baseUrl)
{
    run::RunConfig config;
    config.name = "test";
    config.datasetPath = datasetPath;
    config.methodId = "test-i3c";
    config.methodText = R"({"id":"test-i3c"})";
    config.backend.baseUrl = baseUrl;
    config.backend.model = "fake-model";
    config.backend.concurrency = 8;
    config.backend.requestTimeoutS = 1.0;
    config.backend.maxRetries = 6;
    config.backend.retryBaseDelayS = 0.01;
    config.backend.retryMaxDelayS = 0.05;
    return config;
}

} // namespace wb::test
