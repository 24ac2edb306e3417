// SPDX-License-Identifier: Apache-2.0
// wb-fake-openai: the tests' OpenAI-compatible fake server as a standalone program, so the CLI and the GUI can be
// tried end to end without a model or a key. Its answers are deterministic nonsense ("The answer is N." with N
// from a hash of the prompt); runs against it measure the workbench, never a model.
#include "support/fakeserver.h"

#include <chrono>
#include <csignal>
#include <functional>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void onSignal(int) { g_stop = 1; }

int usage()
{
    std::cerr << "usage: wb-fake-openai [--latency-ms N] [--fault-rate P] [--reasoning on] [--model NAME]...\n"
                 "Serves /v1/models, /v1/chat/completions and /v1/embeddings on 127.0.0.1 (ephemeral port) and\n"
                 "prints its base URL. --fault-rate spreads P over 500, 429, dropped connections and malformed JSON.\n"
                 "--reasoning on: plain replies carry reasoning_content as vLLM sends it, and about 1 in 20 spends\n"
                 "its budget on reasoning and comes back empty (content null, finish_reason length).\n";
    return 2;
}

/// A reply with reasoning text, or (for about 1 prompt in 20) an empty one that spent its budget on reasoning.
nlohmann::json reasoningChoice(const nlohmann::json& request)
{
    const std::string answer = wb::test::FakeServer::defaultAnswer(request);
    const std::string thinking = "I read the question, list the quantities it needs and add them up.";
    const bool empty = std::hash<std::string> {}(request.dump()) % 20 == 0;
    nlohmann::json message { { "role", "assistant" }, { "reasoning_content", thinking } };
    message["content"] = empty ? nlohmann::json() : nlohmann::json(answer);
    return { { "index", 0 }, { "message", std::move(message) }, { "finish_reason", empty ? "length" : "stop" } };
}

} // namespace

int main(int argc, char** argv)
{
    wb::test::FakeServerConfig config;
    double faultRate = 0.0;
    bool modelsGiven = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc)
            return usage();
        const std::string value = argv[++i];
        if (arg == "--latency-ms") {
            config.latency = std::chrono::milliseconds(std::atoi(value.c_str()));
        } else if (arg == "--fault-rate") {
            faultRate = std::atof(value.c_str());
        } else if (arg == "--reasoning") {
            if (value == "on")
                config.choice = reasoningChoice;
            else if (value != "off")
                return usage();
        } else if (arg == "--model") {
            if (!modelsGiven)
                config.models.clear();
            modelsGiven = true;
            config.models.insert(value);
        } else {
            return usage();
        }
    }
    wb::test::FakeServer server(config);
    if (!server.start()) {
        std::cerr << "wb-fake-openai: could not start (cpp-httplib missing or no free port)\n";
        return 1;
    }
    using wb::test::Fault;
    for (Fault fault : { Fault::ServerError, Fault::RateLimited, Fault::DropConnection, Fault::MalformedJson })
        server.setFaultProbability(fault, faultRate / 4);
    std::cout << server.baseUrl() << std::endl;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    while (!g_stop)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
    return 0;
}
