// SPDX-License-Identifier: Apache-2.0
#include "core/llm/client.h"

#include "core/common/text.h"
#include "core/llm/bodyerror.h"
#include "core/llm/canonical.h"
#include "core/llm/concurrencycontroller.h"
#include "core/llm/httperror.h"
#include "core/llm/parameterrules.h"
#include "core/llm/responseparser.h"
#include "core/llm/retrypolicy.h"
#include "core/llm/sseassembler.h"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <vector>

namespace wb::llm {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxBodyBytes = 256u << 20;
constexpr long kIdlePollMs = 1000;
// Retry-After is obeyed as sent (not capped by retryMaxDelayS), but a broken header must not park a run for days.
constexpr double kMaxRetryAfterS = 600;
// Each rejected parameter is learned once; a body can hold only so many of them.
constexpr int kMaxAdaptations = 8;

double secondsBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

Clock::time_point after(Clock::time_point t, double seconds)
{
    return t + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string formatSeconds(double s)
{
    std::ostringstream out;
    out.precision(3);
    out << s << " s";
    return out.str();
}

struct Job {
    enum class Kind { Chat, Embeddings, Models };
    Kind kind = Kind::Chat;
    std::string url;
    std::string body;
    std::string cacheKey; ///< empty = do not use the cache
    bool stream = false;
    std::size_t expectedCount = 0;
    ChatRequest request; ///< chat only: the body is rebuilt from it when the client learns a parameter rule
    std::uint64_t rulesVersion = 0; ///< of the rules `body` and `cacheKey` were built with
    std::optional<Error> failNow; ///< the profile cannot work: delivered without sending anything
    Client::ChatCallback chatDone;
    Client::EmbeddingsCallback embeddingsDone;
    Client::ModelsCallback modelsDone;

    bool cached = false;
    std::string cachedBody;

    int attempts = 0;
    int retries = 0;
    int rateLimitRetries = 0;
    int adaptations = 0;
    Clock::time_point submittedAt;
    Clock::time_point sentAt;
    std::optional<Clock::time_point> deadline; ///< first attempt + maxWaitS; no attempt starts after it

    // State of the current attempt.
    std::string response;
    std::string retryAfter;
    RateLimitHeaders rateHeaders;
    std::unique_ptr<SseAssembler> sse;
    bool tooLarge = false;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

size_t onBody(char* data, size_t size, size_t count, void* user)
{
    Job* job = static_cast<Job*>(user);
    const size_t bytes = size * count;
    if (job->response.size() + bytes > kMaxBodyBytes) {
        job->tooLarge = true;
        return 0;
    }
    // The raw bytes are kept for streams too: an error status answers a streaming request with plain JSON.
    job->response.append(data, bytes);
    if (job->sse)
        job->sse->feed(std::string_view(data, bytes));
    return bytes;
}

size_t onHeader(char* data, size_t size, size_t count, void* user)
{
    Job* job = static_cast<Job*>(user);
    const size_t bytes = size * count;
    std::string_view line(data, bytes);
    if (line.substr(0, 5) == "HTTP/") {
        // A new response (e.g. after 100 Continue) starts.
        job->retryAfter.clear();
        job->rateHeaders = {};
        return bytes;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon > 40)
        return bytes;
    const std::string name = text::asciiLower(line.substr(0, colon));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n'))
        value.remove_suffix(1);
    if (name == "retry-after")
        job->retryAfter = text::trimmed(value);
    else
        job->rateHeaders.take(name, value);
    return bytes;
}

} // namespace

struct Client::Impl {
    BackendProfile profile;
    ClientOptions options;
    std::string apiKey;
    std::string chatUrl;
    std::string completionsUrl; ///< /v1/completions, for requests with a prompt (base models)
    std::string embeddingsUrl;
    std::optional<Error> profileError;

    // What the server taught about parameters (see parameterrules.h); read by submitting threads.
    mutable std::mutex rulesMutex;
    BackendProfile adapted;
    std::uint64_t rulesVersion = 0;

    CURLM* multi = nullptr;
    curl_slist* jsonHeaders = nullptr;
    curl_slist* streamHeaders = nullptr;
    std::vector<CURL*> idleHandles;

    // Shared with submitting threads.
    std::mutex mutex;
    std::condition_variable idle;
    std::deque<std::unique_ptr<Job>> incoming;
    std::uint64_t outstanding = 0;
    bool cancelRequested = false;
    bool stopping = false;
    ClientStats statsSnapshot;
    mutable std::mutex statsMutex;

    // Event-loop state.
    std::deque<std::unique_ptr<Job>> ready;
    std::multimap<Clock::time_point, std::unique_ptr<Job>> delayed;
    std::unordered_map<CURL*, std::unique_ptr<Job>> active;
    ConcurrencyController controller;
    Clock::time_point gateUntil {};
    std::mt19937_64 rng;
    std::thread worker;
    std::thread::id workerId;

    Impl(BackendProfile p, ClientOptions o);
    ~Impl();

    void enqueue(std::unique_ptr<Job> job);
    void run();
    void startTransfer(std::unique_ptr<Job> job);
    void finishTransfer(CURL* easy, CURLcode code);
    /// Parses `body` for the job's kind; on success runs the callback and returns nullopt, otherwise returns
    /// the parse error and leaves the job with the caller.
    std::optional<Error> deliverParsed(std::unique_ptr<Job>& job, const std::string& body, double latencyS);
    void deliverError(std::unique_ptr<Job> job, Error error);
    void handleFailure(std::unique_ptr<Job> job, Failure failure);
    /// After a 400 naming `parameter`: adapts the rules (once for all jobs) so the job can be sent again.
    bool learnRejection(Job& job, const std::string& parameter);
    /// Builds the job's body and cache key with the current rules when they changed since.
    void refreshBody(Job& job);
    /// Whether an attempt may still start at `when`; otherwise the job fails with `error` and the reason.
    bool withinMaxWait(std::unique_ptr<Job>& job, Clock::time_point when, const Error& error);
    /// Applies x-ratelimit-* headers: the concurrency limit and, for a used-up window, a pause for everyone.
    void applyRateHeaders(const Job& job, Clock::time_point now);
    /// Fails jobs that a gate (Retry-After) would hold past their max wait.
    void expireGated(Clock::time_point now);
    void cancelEverything();
    void log(const std::string& line);
    void publishGauges();
    template <class F> void updateStats(F&& f)
    {
        std::lock_guard lock(statsMutex);
        f(statsSnapshot);
    }
};

Client::Impl::Impl(BackendProfile p, ClientOptions o)
    : profile(std::move(p))
    , options(std::move(o))
    , controller(profile.concurrency)
    , rng(options.jitterSeed ? options.jitterSeed : std::random_device {}())
{
    initCurlOnce();
    // The key is a value handed over by the caller; the client never reads or writes the environment.
    if (options.apiKey)
        apiKey = options.apiKey();
    adapted = profile;
    if (Result<void> checked = profile.check(); !checked)
        profileError = checked.error();
    chatUrl = profile.endpoint("chat/completions");
    completionsUrl = profile.endpoint("completions");
    embeddingsUrl = profile.endpoint("embeddings");
    jsonHeaders = curl_slist_append(jsonHeaders, "Content-Type: application/json");
    jsonHeaders = curl_slist_append(jsonHeaders, "Expect:"); // no 100-continue round trip for large bodies
    if (!apiKey.empty())
        jsonHeaders = curl_slist_append(jsonHeaders,
            (profile.sendsApiKeyHeader() ? "api-key: " + apiKey : "Authorization: Bearer " + apiKey).c_str());
    for (curl_slist* h = jsonHeaders; h; h = h->next)
        streamHeaders = curl_slist_append(streamHeaders, h->data);
    streamHeaders = curl_slist_append(streamHeaders, "Accept: text/event-stream");

    multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    // Keep a warm connection for every slot so keep-alive reuse survives bursts.
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, long(profile.concurrency + 4));
    statsSnapshot.concurrencyLimit = controller.limit();
    statsSnapshot.concurrencyFloor = controller.floorReached();
    worker = std::thread([this] { run(); });
    workerId = worker.get_id();
}

Client::Impl::~Impl()
{
    {
        std::lock_guard lock(mutex);
        stopping = true;
        cancelRequested = true;
    }
    curl_multi_wakeup(multi);
    worker.join();
    for (CURL* easy : idleHandles)
        curl_easy_cleanup(easy);
    curl_multi_cleanup(multi);
    curl_slist_free_all(jsonHeaders);
    curl_slist_free_all(streamHeaders);
    // The key is no longer needed; do not leave it behind in freed memory.
    std::fill(apiKey.begin(), apiKey.end(), '\0');
}

void Client::Impl::log(const std::string& line)
{
    if (options.log)
        options.log(redact(line, apiKey));
}

void Client::Impl::enqueue(std::unique_ptr<Job> job)
{
    {
        std::lock_guard lock(mutex);
        ++outstanding;
        incoming.push_back(std::move(job));
    }
    updateStats([](ClientStats& s) { ++s.submitted; });
    curl_multi_wakeup(multi);
}

void Client::Impl::startTransfer(std::unique_ptr<Job> job)
{
    CURL* easy = nullptr;
    if (!idleHandles.empty()) {
        easy = idleHandles.back();
        idleHandles.pop_back();
    } else {
        easy = curl_easy_init();
    }
    refreshBody(*job);
    job->response.clear();
    job->retryAfter.clear();
    job->rateHeaders = {};
    job->tooLarge = false;
    job->errorBuffer[0] = '\0';
    job->sse = job->stream ? std::make_unique<SseAssembler>() : nullptr;
    job->sentAt = Clock::now();
    if (!job->deadline)
        job->deadline = after(job->sentAt, profile.maxWaitS);
    ++job->attempts;
    // The whole call stays within the max wait: the last attempt gets what is left of it (at least a second).
    const double left = std::max(1.0, secondsBetween(job->sentAt, *job->deadline));
    const long timeoutMs = long(std::min(profile.requestTimeoutS, left) * 1000);

    curl_easy_setopt(easy, CURLOPT_URL, job->url.c_str());
    if (job->kind == Job::Kind::Models) {
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(easy, CURLOPT_POST, 1L);
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, job->body.c_str());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(job->body.size()));
    }
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, job->stream ? streamHeaders : jsonHeaders);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, job.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, job.get());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, job->errorBuffer);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(profile.connectTimeoutS * 1000));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeoutMs);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "i3c-workbench/" WB_VERSION);
    // Over TLS, wait for an HTTP/2 connection to multiplex on rather than opening one per transfer.
    curl_easy_setopt(easy, CURLOPT_PIPEWAIT, job->url.rfind("https:", 0) == 0 ? 1L : 0L);

    curl_multi_add_handle(multi, easy);
    const bool retry = job->attempts > 1;
    active.emplace(easy, std::move(job));
    updateStats([&](ClientStats& s) {
        ++s.httpRequests;
        if (retry)
            ++s.retries;
    });
}

std::optional<Error> Client::Impl::deliverParsed(std::unique_ptr<Job>& job, const std::string& body, double latencyS)
{
    const double elapsed = secondsBetween(job->submittedAt, Clock::now());
    Usage usage;
    // Parse first; only a body that parses counts as a success, is cached and reaches the callback.
    // An empty, filtered, truncated or malformed reply is delivered but never cached (cacheable = false).
    auto accept = [&](auto& parsed, bool cacheable) {
        parsed->latencyS = latencyS;
        parsed->elapsedS = elapsed;
        parsed->attempts = job->attempts;
        parsed->fromCache = job->cached;
        usage = parsed->usage;
        if (!job->cached) {
            controller.onSuccess();
            if (cacheable && !job->cacheKey.empty() && options.cache)
                options.cache->put(job->cacheKey, body);
        }
    };
    if (job->kind == Job::Kind::Chat) {
        Result<ChatResponse> parsed = parseChatResponse(body, job->url);
        if (!parsed.ok())
            return parsed.error();
        accept(parsed, parsed->status == ReplyStatus::Ok);
        job->chatDone(std::move(parsed));
    } else if (job->kind == Job::Kind::Embeddings) {
        Result<EmbeddingsResponse> parsed = parseEmbeddingsResponse(body, job->expectedCount, job->url);
        if (!parsed.ok())
            return parsed.error();
        accept(parsed, true);
        job->embeddingsDone(std::move(parsed));
    } else {
        Result<std::vector<std::string>> parsed = parseModelsResponse(body, job->url);
        if (!parsed.ok())
            return parsed.error();
        job->modelsDone(std::move(parsed));
    }
    updateStats([&](ClientStats& s) {
        ++s.succeeded;
        if (!job->cached) {
            s.promptTokens += std::uint64_t(usage.promptTokens);
            s.completionTokens += std::uint64_t(usage.completionTokens);
        }
    });
    job.reset();
    std::lock_guard lock(mutex);
    if (--outstanding == 0)
        idle.notify_all();
    return std::nullopt;
}

void Client::Impl::deliverError(std::unique_ptr<Job> job, Error error)
{
    error.message = redact(std::move(error.message), apiKey);
    const bool cancelled = error.code == ErrorCode::Cancelled;
    if (job->kind == Job::Kind::Chat)
        job->chatDone(std::move(error));
    else if (job->kind == Job::Kind::Embeddings)
        job->embeddingsDone(std::move(error));
    else
        job->modelsDone(std::move(error));
    updateStats([&](ClientStats& s) { ++(cancelled ? s.cancelled : s.failed); });
    std::lock_guard lock(mutex);
    if (--outstanding == 0)
        idle.notify_all();
}

void Client::Impl::handleFailure(std::unique_ptr<Job> job, Failure failure)
{
    const Clock::time_point now = Clock::now();
    const std::string attempts
        = " (after " + std::to_string(job->attempts) + " attempt" + (job->attempts == 1 ? "" : "s") + ")";
    const double maxRetryAfter = std::min(kMaxRetryAfterS, profile.maxWaitS);
    if (failure.kind == FailureKind::RateLimited) {
        updateStats([](ClientStats& s) { ++s.rateLimited; });
        const int before = controller.limit();
        controller.onRateLimited(job->sentAt);
        std::optional<double> wait = parseRetryAfter(job->retryAfter, std::time(nullptr));
        if (!wait)
            wait = job->rateHeaders.exhaustedForS();
        if (wait) {
            // Retry-After speaks for the whole key, not this request: hold every new transfer until then.
            wait = std::min(*wait, kMaxRetryAfterS);
            gateUntil = std::max(gateUntil, after(now, std::min(*wait, maxRetryAfter)));
        }
        if (job->rateLimitRetries >= profile.maxRateLimitRetries) {
            failure.error.message += attempts;
            deliverError(std::move(job), std::move(failure.error));
            return;
        }
        const double delay = wait
            ? *wait
            : backoffDelayS(job->rateLimitRetries + 1, profile.retryBaseDelayS, profile.retryMaxDelayS, rng);
        if (!withinMaxWait(job, after(now, delay), failure.error))
            return;
        ++job->rateLimitRetries;
        log("429 from " + job->url + ": retry in " + formatSeconds(delay) + ", concurrency " + std::to_string(before)
            + " -> " + std::to_string(controller.limit()));
        delayed.emplace(after(now, delay), std::move(job));
        return;
    }
    if (failure.kind == FailureKind::Retry && job->retries < profile.maxRetries) {
        double delay = backoffDelayS(job->retries + 1, profile.retryBaseDelayS, profile.retryMaxDelayS, rng);
        // A 503 may say when to come back; wait at least that long.
        if (const std::optional<double> wait = parseRetryAfter(job->retryAfter, std::time(nullptr)))
            delay = std::max(delay, std::min(*wait, kMaxRetryAfterS));
        if (!withinMaxWait(job, after(now, delay), failure.error))
            return;
        ++job->retries;
        log("retry " + std::to_string(job->retries) + "/" + std::to_string(profile.maxRetries) + " in "
            + formatSeconds(delay) + ": " + failure.error.toString());
        delayed.emplace(after(now, delay), std::move(job));
        return;
    }
    failure.error.message += attempts;
    deliverError(std::move(job), std::move(failure.error));
}

bool Client::Impl::withinMaxWait(std::unique_ptr<Job>& job, Clock::time_point when, const Error& error)
{
    if (!job->deadline || when <= *job->deadline)
        return true;
    const double waited = secondsBetween(after(*job->deadline, -profile.maxWaitS), Clock::now());
    Error late = error;
    late.message = "gave up after " + formatSeconds(waited) + " and " + std::to_string(job->attempts) + " attempt"
        + (job->attempts == 1 ? "" : "s") + ": the next one could not start within the max wait of "
        + formatSeconds(profile.maxWaitS) + " (max_wait_s, --max-wait); last answer: " + error.message;
    deliverError(std::move(job), std::move(late));
    return false;
}

void Client::Impl::expireGated(Clock::time_point now)
{
    if (gateUntil <= now)
        return;
    for (auto it = ready.begin(); it != ready.end();) {
        if ((*it)->deadline && gateUntil > *(*it)->deadline) {
            std::unique_ptr<Job> job = std::move(*it);
            it = ready.erase(it);
            const Error reason = makeError(ErrorCode::Http, "the server asked every request to wait", job->url);
            withinMaxWait(job, gateUntil, reason);
        } else {
            ++it;
        }
    }
}

bool Client::Impl::learnRejection(Job& job, const std::string& parameter)
{
    if (job.kind != Job::Kind::Chat || job.adaptations >= kMaxAdaptations)
        return false;
    const nlohmann::json sent = nlohmann::json::parse(job.body, nullptr, false);
    if (!sent.is_object() || !sent.contains(parameter))
        return false;
    std::lock_guard lock(rulesMutex);
    if (job.rulesVersion == rulesVersion) {
        // The first job to hit the refusal changes the rules; later ones are rebuilt with them.
        BackendProfile next = adapted;
        if (!llm::learnRejection(next, parameter))
            return false;
        adapted = std::move(next);
        ++rulesVersion;
        log(profile.effectiveBaseUrl() + " refuses '" + parameter + "' for model " + profile.model
            + (parameter == "max_tokens" ? ": sending max_completion_tokens" : ": leaving it out")
            + " in this and every later call");
    }
    ++job.adaptations;
    return true;
}

void Client::Impl::refreshBody(Job& job)
{
    if (job.kind != Job::Kind::Chat)
        return;
    std::lock_guard lock(rulesMutex);
    if (job.rulesVersion == rulesVersion)
        return;
    job.body = canonicalRequestJson(adapted, job.request);
    if (!job.cacheKey.empty())
        job.cacheKey = cacheKey(adapted, job.request);
    job.rulesVersion = rulesVersion;
}

void Client::Impl::applyRateHeaders(const Job& job, Clock::time_point now)
{
    const RateLimitHeaders& headers = job.rateHeaders;
    if (headers.remainingRequests)
        controller.onRemainingRequests(*headers.remainingRequests);
    if (const std::optional<double> wait = headers.exhaustedForS()) {
        gateUntil = std::max(gateUntil, after(now, std::min({ *wait, kMaxRetryAfterS, profile.maxWaitS })));
        log(job.url + ": rate-limit window used up; pausing new requests for " + formatSeconds(*wait));
    }
}

void Client::Impl::finishTransfer(CURL* easy, CURLcode code)
{
    const auto it = active.find(easy);
    std::unique_ptr<Job> job = std::move(it->second);
    active.erase(it);
    curl_multi_remove_handle(multi, easy);
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    idleHandles.push_back(easy);
    const double latency = secondsBetween(job->sentAt, Clock::now());
    const std::string url = job->url;

    if (job->tooLarge) {
        deliverError(std::move(job),
            makeError(
                ErrorCode::InvalidInput, "response larger than " + std::to_string(kMaxBodyBytes >> 20) + " MiB", url));
        return;
    }
    if (code != CURLE_OK) {
        Failure failure = describeTransportFailure(code, job->errorBuffer, url, profile);
        handleFailure(std::move(job), std::move(failure));
        return;
    }
    applyRateHeaders(*job, Clock::now());
    if (status < 200 || status >= 300) {
        if (const std::optional<std::string> parameter = rejectedParameter(status, job->response);
            parameter && learnRejection(*job, *parameter)) {
            ready.push_front(std::move(job)); // the same call again at once, with a body the server accepts
            return;
        }
        const bool retryHint
            = !job->retryAfter.empty() || job->rateHeaders.resetRequestsS || job->rateHeaders.resetTokensS;
        Failure failure = describeHttpFailure(status, job->response, url, profile, apiKey, retryHint);
        handleFailure(std::move(job), std::move(failure));
        return;
    }
    // Some servers answer 200 with an error object (in the body, or as an event of a stream).
    std::optional<Failure> inBody = describeBodyError(job->response, url, profile, apiKey);
    if (!inBody && job->sse)
        inBody = describeStreamError(job->response, url, profile, apiKey);
    if (inBody) {
        handleFailure(std::move(job), std::move(*inBody));
        return;
    }
    std::string body;
    if (job->sse) {
        Result<std::string> assembled = job->sse->finish(url);
        if (!assembled.ok()) {
            handleFailure(std::move(job), { FailureKind::Retry, assembled.error() });
            return;
        }
        body = std::move(*assembled);
    } else {
        body = std::move(job->response);
    }
    // A malformed body is retried like a 5xx and never cached.
    if (std::optional<Error> error = deliverParsed(job, body, latency))
        handleFailure(std::move(job), { FailureKind::Retry, std::move(*error) });
}

void Client::Impl::cancelEverything()
{
    for (auto& [easy, job] : active) {
        curl_multi_remove_handle(multi, easy);
        idleHandles.push_back(easy);
        const std::string url = job->url;
        deliverError(std::move(job), makeError(ErrorCode::Cancelled, "cancelled", url));
    }
    active.clear();
    while (!ready.empty()) {
        std::unique_ptr<Job> job = std::move(ready.front());
        ready.pop_front();
        const std::string url = job->url;
        deliverError(std::move(job), makeError(ErrorCode::Cancelled, "cancelled", url));
    }
    for (auto& [when, job] : delayed) {
        const std::string url = job->url;
        deliverError(std::move(job), makeError(ErrorCode::Cancelled, "cancelled", url));
    }
    delayed.clear();
}

void Client::Impl::publishGauges()
{
    updateStats([&](ClientStats& s) {
        s.inFlight = int(active.size());
        s.queued = int(ready.size() + delayed.size());
        s.peakInFlight = std::max(s.peakInFlight, s.inFlight);
        s.concurrencyLimit = controller.limit();
        s.concurrencyFloor = controller.floorReached();
    });
}

void Client::Impl::run()
{
    for (;;) {
        std::deque<std::unique_ptr<Job>> arrived;
        bool cancel = false;
        bool stop = false;
        {
            std::lock_guard lock(mutex);
            arrived.swap(incoming);
            cancel = cancelRequested;
            cancelRequested = false;
            stop = stopping;
        }
        for (auto& job : arrived) {
            if (job->failNow) {
                Error error = std::move(*job->failNow);
                deliverError(std::move(job), std::move(error));
                continue;
            }
            if (job->cached) {
                const std::string body = std::move(job->cachedBody);
                if (!deliverParsed(job, body, 0))
                    continue;
                job->cached = false; // submit() validated it, so this is unreachable; send it anyway
            }
            ready.push_back(std::move(job));
        }
        if (cancel)
            cancelEverything();
        if (stop)
            break;

        Clock::time_point now = Clock::now();
        while (!delayed.empty() && delayed.begin()->first <= now) {
            ready.push_back(std::move(delayed.begin()->second));
            delayed.erase(delayed.begin());
        }
        expireGated(now);
        while (!ready.empty() && int(active.size()) < controller.limit() && now >= gateUntil) {
            std::unique_ptr<Job> job = std::move(ready.front());
            ready.pop_front();
            startTransfer(std::move(job));
        }

        int running = 0;
        curl_multi_perform(multi, &running);
        bool finished = false;
        int queuedMessages = 0;
        while (CURLMsg* message = curl_multi_info_read(multi, &queuedMessages)) {
            if (message->msg == CURLMSG_DONE) {
                finishTransfer(message->easy_handle, message->data.result);
                finished = true;
            }
        }
        publishGauges();
        if (finished)
            continue; // free slots: start the next transfers before sleeping

        now = Clock::now();
        long timeout = kIdlePollMs;
        auto until = [&](Clock::time_point t) {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - now).count() + 1;
            timeout = std::min(timeout, long(std::max<long long>(0, ms)));
        };
        if (!delayed.empty())
            until(delayed.begin()->first);
        if (!ready.empty() && int(active.size()) < controller.limit())
            until(gateUntil);
        curl_multi_poll(multi, nullptr, 0, int(timeout), nullptr);
    }
    cancelEverything();
    std::deque<std::unique_ptr<Job>> late;
    {
        std::lock_guard lock(mutex);
        late.swap(incoming);
    }
    for (auto& job : late) {
        const std::string url = job->url;
        deliverError(std::move(job), makeError(ErrorCode::Cancelled, "client shut down", url));
    }
}

Client::Client(BackendProfile profile, ClientOptions options)
    : d(std::make_unique<Impl>(std::move(profile), std::move(options)))
{
}

Client::~Client() = default;

const BackendProfile& Client::profile() const { return d->profile; }

BackendProfile Client::adaptedProfile() const
{
    std::lock_guard lock(d->rulesMutex);
    return d->adapted;
}

std::uint64_t Client::rulesVersion() const
{
    std::lock_guard lock(d->rulesMutex);
    return d->rulesVersion;
}

void Client::submit(ChatRequest request, ChatCallback onDone)
{
    auto job = std::make_unique<Job>();
    job->kind = Job::Kind::Chat;
    job->url = request.prompt ? d->completionsUrl : d->chatUrl;
    job->failNow = d->profileError;
    const BackendProfile adapted = adaptedProfile();
    {
        std::lock_guard lock(d->rulesMutex);
        job->rulesVersion = d->rulesVersion;
    }
    job->body = canonicalRequestJson(adapted, request);
    job->stream = request.stream;
    job->chatDone = std::move(onDone);
    job->submittedAt = Clock::now();
    if (d->options.cache && !request.noCache) {
        job->cacheKey = cacheKey(adapted, request);
        // Only an Ok reply is a hit: caches written before reply statuses existed may hold empty ones.
        if (std::optional<std::string> hit = d->options.cache->get(job->cacheKey); hit) {
            const Result<ChatResponse> parsed = parseChatResponse(*hit, job->url);
            if (parsed.ok() && parsed->status == ReplyStatus::Ok) {
                job->cached = true;
                job->cachedBody = std::move(*hit);
            }
        }
        d->updateStats([&](ClientStats& s) { ++(job->cached ? s.cacheHits : s.cacheMisses); });
    }
    job->request = std::move(request);
    d->enqueue(std::move(job));
}

void Client::submitEmbeddings(EmbeddingsRequest request, EmbeddingsCallback onDone)
{
    auto job = std::make_unique<Job>();
    job->kind = Job::Kind::Embeddings;
    job->url = d->embeddingsUrl;
    job->failNow = d->profileError;
    job->body = canonicalEmbeddingsJson(d->profile, request);
    job->expectedCount = request.inputs.size();
    job->embeddingsDone = std::move(onDone);
    job->submittedAt = Clock::now();
    if (d->options.cache && !request.noCache) {
        job->cacheKey = cacheKey(d->profile, request);
        if (std::optional<std::string> hit = d->options.cache->get(job->cacheKey);
            hit && parseEmbeddingsResponse(*hit, job->expectedCount, job->url).ok()) {
            job->cached = true;
            job->cachedBody = std::move(*hit);
        }
        d->updateStats([&](ClientStats& s) { ++(job->cached ? s.cacheHits : s.cacheMisses); });
    }
    d->enqueue(std::move(job));
}

void Client::submitListModels(ModelsCallback onDone)
{
    auto job = std::make_unique<Job>();
    job->kind = Job::Kind::Models;
    job->url = d->profile.endpoint("models");
    job->failNow = d->profileError;
    job->modelsDone = std::move(onDone);
    job->submittedAt = Clock::now();
    d->enqueue(std::move(job));
}

namespace {

template <class T, class SubmitFn> Result<T> waitFor(std::thread::id workerId, const std::string& url, SubmitFn submit)
{
    if (std::this_thread::get_id() == workerId)
        return makeError(ErrorCode::Usage, "a synchronous call from a completion callback would wait on itself", url);
    std::promise<Result<T>> promise;
    std::future<Result<T>> future = promise.get_future();
    submit([&promise](Result<T> result) { promise.set_value(std::move(result)); });
    return future.get();
}

} // namespace

Result<ChatResponse> Client::chatSync(const ChatRequest& request)
{
    return waitFor<ChatResponse>(d->workerId, d->chatUrl, [&](ChatCallback done) { submit(request, std::move(done)); });
}

Result<EmbeddingsResponse> Client::embeddingsSync(const EmbeddingsRequest& request)
{
    return waitFor<EmbeddingsResponse>(
        d->workerId, d->embeddingsUrl, [&](EmbeddingsCallback done) { submitEmbeddings(request, std::move(done)); });
}

Result<std::vector<std::string>> Client::listModels()
{
    return waitFor<std::vector<std::string>>(
        d->workerId, d->profile.endpoint("models"), [&](ModelsCallback done) { submitListModels(std::move(done)); });
}

void Client::waitIdle()
{
    std::unique_lock lock(d->mutex);
    d->idle.wait(lock, [&] { return d->outstanding == 0; });
}

void Client::cancelAll()
{
    {
        std::lock_guard lock(d->mutex);
        d->cancelRequested = true;
    }
    curl_multi_wakeup(d->multi);
}

ClientStats Client::stats() const
{
    std::lock_guard lock(d->statsMutex);
    return d->statsSnapshot;
}

} // namespace wb::llm
