// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace wb::test {

struct FakeServerHandlers;

/// What the fake server does to one request instead of answering it properly.
enum class Fault {
    None,
    ServerError, ///< HTTP 500 with an OpenAI-style error body
    RateLimited, ///< HTTP 429 with Retry-After
    DropConnection, ///< headers and half the body, then the connection is closed
    MalformedJson, ///< HTTP 200 with a truncated JSON (or SSE) body
    Stall, ///< no answer for FakeServerConfig::stallFor (the client should time out first)
    ErrorIn200, ///< HTTP 200 with LM Studio's {"error":"Unexpected endpoint or method. (POST …)"}
    OverloadedIn200, ///< HTTP 200 with {"error":{"type":"overloaded_error","message":"Overloaded"}}
    StreamError, ///< streams: some deltas, then an OpenRouter-style error event (code 502); plain: as OverloadedIn200
    TokensRateLimited, ///< HTTP 413 with Groq's tokens-per-minute message, retry-after and x-ratelimit-reset-tokens
};

struct FakeServerConfig {
    std::set<std::string> models { "fake-model", "fake-embedder" }; ///< others get 404 model_not_found
    std::string requiredKey; ///< non-empty: demand "Authorization: Bearer <key>", else 401
    std::chrono::milliseconds latency { 0 }; ///< added before every answer
    int threads = 128; ///< server thread pool; must exceed the client's connections
    std::string retryAfter = "1"; ///< Retry-After value sent with a 429 ("" = none)
    std::chrono::milliseconds stallFor { 3000 };
    int embeddingDimensions = 16;
    /// Request JSON → answer text; default defaultAnswer().
    std::function<std::string(const nlohmann::json&)> answer;
    /// Models that behave like OpenAI's reasoning models: a body with max_tokens, or with a temperature other
    /// than 1, or with top_p, gets their 400 (unsupported_parameter / unsupported_value with `param`).
    std::set<std::string> reasoningModels;
    /// Non-empty: also serve Azure OpenAI's /openai/deployments/NAME/{chat/completions,embeddings} (NAME one of
    /// `models`; others get 404 DeploymentNotFound) and /openai/models, which demand ?api-version=<this>
    /// (else 404 Resource not found) and take the key from an `api-key` header; /openai/v1/… takes Bearer.
    std::string azureApiVersion;
    /// ≥ 0: every chat/embeddings answer carries x-ratelimit-remaining-requests with this value and
    /// x-ratelimit-reset-requests "1s" (as OpenAI and Groq send them).
    int remainingRequests = -1;
    /// Request JSON → the first choice of a non-streamed reply, verbatim (message, finish_reason and whatever a
    /// backend adds), to imitate empty, filtered, cut-off or malformed replies; null = answer normally.
    std::function<nlohmann::json(const nlohmann::json&)> choice;
};

/// An OpenAI-compatible server on 127.0.0.1 (ephemeral port) in a background thread, for tests and benchmarks:
/// /v1/models, /v1/chat/completions and /v1/completions (plain and SSE streaming), /v1/embeddings. Faults can be
/// injected by probability or by call number, and every request is counted per canonical body so that a test can assert
/// that nothing was requested twice. Thread-safe.
class FakeServer {
public:
    explicit FakeServer(FakeServerConfig config = {});
    ~FakeServer();
    FakeServer(const FakeServer&) = delete;
    FakeServer& operator=(const FakeServer&) = delete;

    /// Binds and starts serving; false when 127.0.0.1 could not be bound (a test failure, never a skip).
    bool start();
    void stop();

    int port() const { return m_port; }
    /// "http://127.0.0.1:<port>/v1" — what a BackendProfile's baseUrl should be.
    std::string baseUrl() const;
    /// "http://127.0.0.1:<port>/openai/deployments/<deployment>" (needs azureApiVersion).
    std::string azureDeploymentUrl(const std::string& deployment) const;
    /// "http://127.0.0.1:<port>/openai/v1".
    std::string azureV1Url() const;

    /// Probability in [0,1] that a chat/embeddings request gets `fault`; probabilities of all faults add up.
    void setFaultProbability(Fault fault, double probability);
    /// The `callNumber`-th (1-based) chat/embeddings request gets `fault`, whatever the probabilities say.
    void setFaultAt(int callNumber, Fault fault);
    void clearFaults();
    void setLatency(std::chrono::milliseconds latency);

    /// The key under which requests are counted: the body re-serialised with sorted keys and without "stream".
    static std::string bodyKey(const std::string& body);
    /// "The answer is N." with N derived from a hash of the last user message.
    static std::string defaultAnswer(const nlohmann::json& request);
    /// The deterministic unit vector served for `text`.
    static std::vector<float> embeddingFor(const std::string& text, int dimensions);

    int requestCount(const std::string& body) const; ///< requests with this body, any outcome
    int successCount(const std::string& body) const; ///< of which were answered with 200 and a valid body
    int totalRequests() const; ///< chat + embeddings requests, any outcome
    int totalSuccesses() const;
    int maxSuccessesPerBody() const; ///< 1 = no call was answered twice
    int maxConcurrent() const { return m_maxConcurrent.load(); }
    void resetConcurrencyPeak() { m_maxConcurrent.store(m_inFlight.load()); }
    /// Arrival times of requests with this body, oldest first (for Retry-After checks).
    std::vector<std::chrono::steady_clock::time_point> arrivals(const std::string& body) const;
    /// Every key presented (Bearer token or api-key header; /models included), with how many requests carried it.
    std::map<std::string, int> presentedKeys() const;
    int rejectedForReasoning() const; ///< 400s sent for a parameter a reasoning model refuses
    /// Bodies of chat requests exactly as received, in arrival order.
    std::vector<nlohmann::json> chatBodies() const;

private:
    struct Impl;
    Fault pickFault(int callNumber);
    void addAzureRoutes(const std::shared_ptr<FakeServerHandlers>& handlers);
    void record(const std::string& key, bool success);

    FakeServerConfig m_config;
    std::unique_ptr<Impl> d;
    std::thread m_thread;
    int m_port = 0;
    std::atomic_bool m_stopping { false };
    std::atomic_int m_calls { 0 };
    std::atomic_int m_inFlight { 0 };
    std::atomic_int m_maxConcurrent { 0 };
    std::atomic<long long> m_latencyMs { 0 };

    mutable std::mutex m_mutex;
    std::map<Fault, double> m_probabilities;
    std::map<int, Fault> m_faultsAt;
    std::mt19937_64 m_rng { 42 };
    std::map<std::string, int> m_requests;
    std::map<std::string, int> m_successes;
    std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> m_arrivals;
    int m_totalRequests = 0;
    int m_totalSuccesses = 0;
    std::map<std::string, int> m_presentedKeys;
    std::vector<nlohmann::json> m_chatBodies;
    int m_rejectedForReasoning = 0;

    friend struct FakeServerHandlers;
};

} // namespace wb::test
