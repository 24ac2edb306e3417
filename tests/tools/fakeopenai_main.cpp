// SPDX-License-Identifier: Apache-2.0
// wb-fake-openai: the tests' OpenAI-compatible fake server as a standalone program, so the CLI and the GUI can be
// tried end to end without a model or a key. Its answers are deterministic nonsense ("The answer is N." with N
// from a hash of the prompt); runs against it measure the workbench, never a model.
#include "support/fakeserver.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <thread>

namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void onSignal(int) { g_stop = 1; }

int usage()
{
    std::cerr
        << "usage: wb-fake-openai [--latency-ms N] [--fault-rate P] [--fault KIND:P]... [--model NAME]...\n"
           "                      [--reasoning-model NAME]... [--azure-api-version V] [--remaining-requests N]\n"
           "                      [--retry-after S]\n"
           "Serves /v1/models, /v1/chat/completions and /v1/embeddings on 127.0.0.1 (ephemeral port) and prints its\n"
           "base URL. --fault-rate spreads P over 500, 429, dropped connections and malformed JSON; --fault gives\n"
           "one KIND (500, 429, drop, malformed, stall, error-in-200, overloaded-in-200, stream-error, 413) its own\n"
           "probability. --reasoning-model answers like OpenAI's o-series (400 for max_tokens, temperature, top_p).\n"
           "--azure-api-version also serves Azure's /openai/deployments/MODEL/... (api-key header, ?api-version=V).\n"
           "--remaining-requests sends x-ratelimit-remaining-requests N; '--fault 429:1 --retry-after 600' is a\n"
           "server that is always rate limited.\n";
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    using wb::test::Fault;
    const std::map<std::string, Fault> kinds { { "500", Fault::ServerError }, { "429", Fault::RateLimited },
        { "drop", Fault::DropConnection }, { "malformed", Fault::MalformedJson }, { "stall", Fault::Stall },
        { "error-in-200", Fault::ErrorIn200 }, { "overloaded-in-200", Fault::OverloadedIn200 },
        { "stream-error", Fault::StreamError }, { "413", Fault::TokensRateLimited } };
    wb::test::FakeServerConfig config;
    double faultRate = 0.0;
    std::map<Fault, double> faults;
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
        } else if (arg == "--fault") {
            const std::size_t colon = value.find(':');
            const auto kind = kinds.find(value.substr(0, colon));
            if (colon == std::string::npos || kind == kinds.end())
                return usage();
            faults[kind->second] = std::atof(value.c_str() + colon + 1);
        } else if (arg == "--model" || arg == "--reasoning-model") {
            if (!modelsGiven)
                config.models.clear();
            modelsGiven = true;
            config.models.insert(value);
            if (arg == "--reasoning-model")
                config.reasoningModels.insert(value);
        } else if (arg == "--azure-api-version") {
            config.azureApiVersion = value;
        } else if (arg == "--remaining-requests") {
            config.remainingRequests = std::atoi(value.c_str());
        } else if (arg == "--retry-after") {
            config.retryAfter = value;
        } else {
            return usage();
        }
    }
    wb::test::FakeServer server(config);
    if (!server.start()) {
        std::cerr << "wb-fake-openai: could not start (cpp-httplib missing or no free port)\n";
        return 1;
    }
    for (Fault fault : { Fault::ServerError, Fault::RateLimited, Fault::DropConnection, Fault::MalformedJson })
        faults[fault] += faultRate / 4;
    for (const auto& [fault, probability] : faults)
        if (probability > 0)
            server.setFaultProbability(fault, probability);
    std::cout << server.baseUrl() << std::endl;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    while (!g_stop)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
    return 0;
}
