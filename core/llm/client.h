// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/llm/backendprofile.h"
#include "core/llm/keyprovider.h"
#include "core/llm/request.h"
#include "core/llm/response.h"
#include "core/llm/responsecache.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace wb::llm {

/// Counters of one client since construction. inFlight/queued/concurrencyLimit are the current values.
struct ClientStats {
    std::uint64_t submitted = 0;
    std::uint64_t succeeded = 0;
    std::uint64_t failed = 0; ///< delivered an error other than Cancelled
    std::uint64_t cancelled = 0;
    std::uint64_t cacheHits = 0;
    std::uint64_t cacheMisses = 0;
    std::uint64_t httpRequests = 0; ///< attempts sent over the wire, retries included
    std::uint64_t retries = 0; ///< of which were retries (any cause)
    std::uint64_t rateLimited = 0; ///< 429 answers received
    std::uint64_t promptTokens = 0;
    std::uint64_t completionTokens = 0;
    int inFlight = 0;
    int queued = 0; ///< waiting for a slot or for a back-off to expire
    int peakInFlight = 0;
    int concurrencyLimit = 0; ///< current AIMD limit (≤ profile.concurrency)
    int concurrencyFloor = 0; ///< lowest limit reached
};

struct ClientOptions {
    /// Where the key comes from; called once, in the constructor. Unset = no key is sent. The client never
    /// reads the process environment: the command line passes environmentKey(), the GUI the keychain's value.
    KeyProvider apiKey;
    /// Consulted before sending and filled after a success, unless the request says noCache. May be shared
    /// between clients; the key includes the base URL and model, so backends never mix.
    std::shared_ptr<ResponseCache> cache;
    /// Diagnostic lines (retries, 429s, concurrency changes); called on the event-loop thread. Never sees the key.
    std::function<void(const std::string&)> log;
    /// Seed of the back-off jitter; 0 picks a random one.
    std::uint64_t jitterSeed = 0;
};

/// OpenAI-compatible client for one backend profile. One worker thread runs a libcurl multi event loop that
/// drives every transfer of this client over reused keep-alive connections (HTTP/2 multiplexing where the
/// server offers it over TLS), keeps at most the AIMD limit of transfers in flight, retries with back-off and
/// honours 429 Retry-After and x-ratelimit-* headers. No call waits longer than the profile's maxWaitS. A 400
/// that names a parameter the model does not support (OpenAI reasoning models) teaches the client once to
/// leave it out (or to send max_completion_tokens), and the call is sent again; adaptedProfile() says what
/// was learned. Errors inside 200 answers and streams are errors, with the server's message.
///
/// Threading: submit*(), chatSync(), waitIdle(), cancelAll() and stats() may be called from any thread.
/// Every completion callback runs on the client's event-loop thread, one at a time: keep callbacks short
/// (hand work off to another thread or queue), never call chatSync()/waitIdle() from one (they would wait on
/// themselves; chatSync returns a Usage error there). Submitting from a callback is fine.
/// Each submitted request gets exactly one callback: its response, its final error, or a Cancelled error.
class Client {
public:
    using ChatCallback = std::function<void(Result<ChatResponse>)>;
    using EmbeddingsCallback = std::function<void(Result<EmbeddingsResponse>)>;
    using ModelsCallback = std::function<void(Result<std::vector<std::string>>)>;

    /// Takes the key from options.apiKey once, here. A profile that fails check() makes every call fail with
    /// that error, without sending anything.
    explicit Client(BackendProfile profile, ClientOptions options = {});
    /// Cancels whatever is still pending (its callbacks get Cancelled) and stops the event loop.
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    const BackendProfile& profile() const;
    /// profile() with the parameter rules learned from the server so far (maxCompletionTokens, omitParams):
    /// the profile that builds the bodies sent now, and the one a rerun should start from.
    BackendProfile adaptedProfile() const;
    /// Grows by one whenever a rule is learned: callers compare it instead of copying adaptedProfile() per call.
    std::uint64_t rulesVersion() const;

    void submit(ChatRequest request, ChatCallback onDone);
    void submitEmbeddings(EmbeddingsRequest request, EmbeddingsCallback onDone);

    /// GET /v1/models: the model ids the server offers (a "test connection" for the GUI and the CLI, and the
    /// way to check a model name before a long run). Never cached.
    void submitListModels(ModelsCallback onDone);

    /// Blocking convenience wrappers around submit*(); not for use on the event-loop thread.
    Result<ChatResponse> chatSync(const ChatRequest& request);
    Result<EmbeddingsResponse> embeddingsSync(const EmbeddingsRequest& request);
    Result<std::vector<std::string>> listModels();

    /// Returns when every request submitted so far has had its callback run to completion.
    void waitIdle();
    /// Aborts transfers in flight and drops queued ones; each gets a Cancelled error. The client stays usable.
    void cancelAll();

    ClientStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace wb::llm
