// SPDX-License-Identifier: Apache-2.0
#include "support/fakeserver.h"

#include "core/common/sha256.h"

#include <httplib.h>

#include <algorithm>
#include <sys/socket.h>
#include <cmath>
#include <iterator>
#include <sstream>

namespace wb::test {

namespace {

constexpr const char* kJson = "application/json";

std::string errorBody(
    const std::string& message, const std::string& type, const std::string& code, const std::string& param = {})
{
    nlohmann::json error { { "message", message }, { "type", type }, { "code", code } };
    error["param"] = param.empty() ? nlohmann::json() : nlohmann::json(param);
    return nlohmann::json { { "error", std::move(error) } }.dump();
}

/// What OpenAI's reasoning models answer to a body they refuse; empty when they would accept it.
std::string reasoningRefusal(const nlohmann::json& body)
{
    if (body.contains("max_tokens"))
        return errorBody("Unsupported parameter: 'max_tokens' is not supported with this model. Use "
                         "'max_completion_tokens' instead.",
            "invalid_request_error", "unsupported_parameter", "max_tokens");
    if (body.contains("temperature") && body["temperature"] != 1)
        return errorBody("Unsupported value: 'temperature' does not support " + body["temperature"].dump()
                + " with this model. Only the default (1) value is supported.",
            "invalid_request_error", "unsupported_value", "temperature");
    if (body.contains("top_p"))
        return errorBody("Unsupported parameter: 'top_p' is not supported with this model.", "invalid_request_error",
            "unsupported_parameter", "top_p");
    return {};
}

std::string presentedKey(const httplib::Request& req, bool azure)
{
    if (azure)
        return req.get_header_value("api-key");
    std::string presented = req.get_header_value("Authorization");
    return presented.rfind("Bearer ", 0) == 0 ? presented.substr(7) : presented;
}

std::uint64_t hash64(const std::string& text)
{
    const std::string hex = Sha256::hex(text);
    return std::stoull(hex.substr(0, 16), nullptr, 16);
}

int wordCount(const std::string& text)
{
    std::istringstream in(text);
    return int(std::distance(std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()));
}

/// Splits an answer into stream deltas: one per word, keeping the spaces.
std::vector<std::string> deltas(const std::string& text)
{
    std::vector<std::string> pieces;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start + 1);
        if (end == std::string::npos)
            end = text.size();
        pieces.push_back(text.substr(start, end - start));
        start = end;
    }
    return pieces;
}

} // namespace

struct FakeServer::Impl {
    httplib::Server server;
};

/// The request handlers; a friend so that they can use the private counters.
struct FakeServerHandlers {
    FakeServer& s;

    struct InFlight {
        FakeServer& s;
        explicit InFlight(FakeServer& server)
            : s(server)
        {
            const int now = ++s.m_inFlight;
            int peak = s.m_maxConcurrent.load();
            while (now > peak && !s.m_maxConcurrent.compare_exchange_weak(peak, now)) { }
        }
        ~InFlight() { --s.m_inFlight; }
    };

    void sleepFor(std::chrono::milliseconds total) const
    {
        const auto until = std::chrono::steady_clock::now() + total;
        while (!s.m_stopping.load() && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::min(total, std::chrono::milliseconds(10)));
    }

    /// Azure's checks before anything else: api-version, then the deployment named in the path.
    bool azureFront(const httplib::Request& req, httplib::Response& res, const std::string& deployment)
    {
        if (req.get_param_value("api-version") != s.m_config.azureApiVersion) {
            res.status = 404;
            res.set_content(
                nlohmann::json { { "error", { { "code", "404" }, { "message", "Resource not found" } } } }.dump(),
                kJson);
            return false;
        }
        if (!deployment.empty() && !s.m_config.models.count(deployment)) {
            res.status = 404;
            res.set_content(
                nlohmann::json { { "error",
                                     { { "code", "DeploymentNotFound" },
                                         { "message",
                                             "The API deployment for this resource does not exist. If you created the "
                                             "deployment within the last 5 minutes, please wait a moment and try "
                                             "again." } } } }
                    .dump(),
                kJson);
            return false;
        }
        return true;
    }

    /// Common front of chat and embeddings: auth, JSON, model, fault choice. Returns false when answered.
    bool admit(const httplib::Request& req, httplib::Response& res, nlohmann::json& body, Fault& fault,
        std::string& key, bool azure)
    {
        const std::string presented = presentedKey(req, azure);
        if (!presented.empty()) {
            std::lock_guard lock(s.m_mutex);
            ++s.m_presentedKeys[presented];
        }
        if (!s.m_config.requiredKey.empty() && presented != s.m_config.requiredKey) {
            res.status = 401;
            // Like real providers, quote a piece of the presented key: clients must not pass it on.
            res.set_content(
                errorBody("Incorrect API key provided: " + presented, "invalid_request_error", "invalid_api_key"),
                kJson);
            return false;
        }
        try {
            body = nlohmann::json::parse(req.body);
        } catch (const nlohmann::json::exception& e) {
            res.status = 400;
            res.set_content(
                errorBody(std::string("bad JSON: ") + e.what(), "invalid_request_error", "bad_json"), kJson);
            return false;
        }
        const std::string model = body.value("model", std::string());
        if (!azure && !s.m_config.models.empty() && !s.m_config.models.count(model)) {
            res.status = 404;
            res.set_content(errorBody("The model `" + model + "` does not exist or you do not have access to it.",
                                "invalid_request_error", "model_not_found"),
                kJson);
            return false;
        }
        key = FakeServer::bodyKey(req.body);
        fault = s.pickFault(++s.m_calls);
        {
            std::lock_guard lock(s.m_mutex);
            ++s.m_requests[key];
            ++s.m_totalRequests;
            s.m_arrivals[key].push_back(std::chrono::steady_clock::now());
        }
        sleepFor(std::chrono::milliseconds(s.m_latencyMs.load()));
        switch (fault) {
        case Fault::ServerError:
            res.status = 500;
            res.set_content(errorBody("injected server error", "server_error", "internal"), kJson);
            return false;
        case Fault::RateLimited:
            res.status = 429;
            if (!s.m_config.retryAfter.empty())
                res.set_header("Retry-After", s.m_config.retryAfter);
            res.set_content(errorBody("Rate limit reached", "requests", "rate_limit_exceeded"), kJson);
            return false;
        case Fault::Stall:
            sleepFor(s.m_config.stallFor);
            res.status = 503;
            res.set_content(errorBody("stalled", "server_error", "stalled"), kJson);
            return false;
        case Fault::ErrorIn200:
            res.set_content(R"json({"error":"Unexpected endpoint or method. (POST /chat/completions)"})json", kJson);
            return false;
        case Fault::OverloadedIn200:
            res.set_content(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})", kJson);
            return false;
        case Fault::TokensRateLimited:
            res.status = 413;
            res.set_header("retry-after", "1");
            res.set_header("x-ratelimit-reset-tokens", "1.5s");
            res.set_content(errorBody("Rate limit reached for model `" + model
                                    + "` in organization `org_fake` service tier `on_demand` on tokens per minute "
                                      "(TPM): Limit 6000, Used 5800, Requested 900. Please try again in 1.5s.",
                                "tokens", "rate_limit_exceeded"),
                kJson);
            return false;
        case Fault::DropConnection: {
            // Promise a body, deliver half of it, then give up: the connection closes mid-response.
            const std::string full = errorBody("this body will be cut", "x", "y");
            res.set_content_provider(full.size(), kJson, [full](size_t, size_t, httplib::DataSink& sink) {
                sink.write(full.data(), full.size() / 2);
                return false;
            });
            return false;
        }
        default:
            return true;
        }
    }

    /// Runs admit() and, when it lets the request through, `answer(body, fault, key)`.
    template <class Answer>
    void serve(const httplib::Request& req, httplib::Response& res, Answer answer, bool azure = false)
    {
        InFlight inFlight(s);
        if (s.m_config.remainingRequests >= 0) {
            res.set_header("x-ratelimit-remaining-requests", std::to_string(s.m_config.remainingRequests));
            res.set_header("x-ratelimit-reset-requests", "1s");
        }
        nlohmann::json body;
        Fault fault = Fault::None;
        std::string key;
        if (admit(req, res, body, fault, key, azure))
            answer(body, fault, key);
    }

    /// /v1/completions as vLLM and llama.cpp serve it for base models: a prompt string in, choices[].text out.
    void completion(const nlohmann::json& body, Fault fault, const std::string& key, httplib::Response& res)
    {
        {
            std::lock_guard lock(s.m_mutex);
            s.m_chatBodies.push_back(body);
        }
        if (!body.contains("prompt") || !body["prompt"].is_string() || body.contains("messages")) {
            res.status = 400;
            res.set_content(errorBody("a completion needs a \"prompt\" string and no \"messages\"",
                                "invalid_request_error", "invalid_prompt"),
                kJson);
            return;
        }
        if (fault == Fault::MalformedJson) {
            res.set_content("{\"id\":\"cmpl-x\",\"choices\":[{\"text\":", kJson);
            return;
        }
        const std::string text = s.m_config.answer ? s.m_config.answer(body) : FakeServer::defaultAnswer(body);
        const std::string id = "cmpl-" + std::to_string(s.m_calls.load());
        const nlohmann::json usage { { "prompt_tokens", wordCount(body["prompt"].get<std::string>()) },
            { "completion_tokens", wordCount(text) } };
        s.record(key, true);
        if (!body.value("stream", false)) {
            const nlohmann::json reply { { "id", id }, { "object", "text_completion" }, { "model", body["model"] },
                { "choices", { { { "index", 0 }, { "text", text }, { "finish_reason", "stop" } } } },
                { "usage", usage } };
            res.set_content(reply.dump(), kJson);
            return;
        }
        std::string events;
        for (const std::string& piece : deltas(text)) {
            const nlohmann::json chunk { { "id", id }, { "object", "text_completion" },
                { "choices", { { { "index", 0 }, { "text", piece }, { "finish_reason", nullptr } } } } };
            events += "data: " + chunk.dump() + "\n\n";
        }
        const nlohmann::json last { { "id", id }, { "object", "text_completion" },
            { "choices", { { { "index", 0 }, { "text", "" }, { "finish_reason", "stop" } } } }, { "usage", usage } };
        events += "data: " + last.dump() + "\n\ndata: [DONE]\n\n";
        res.set_content(events, "text/event-stream");
    }

    void chat(const nlohmann::json& body, Fault fault, const std::string& key, httplib::Response& res)
    {
        const bool stream = body.value("stream", false);
        {
            std::lock_guard lock(s.m_mutex);
            s.m_chatBodies.push_back(body);
        }
        if (s.m_config.reasoningModels.count(body.value("model", std::string()))) {
            if (const std::string refusal = reasoningRefusal(body); !refusal.empty()) {
                {
                    std::lock_guard lock(s.m_mutex);
                    ++s.m_rejectedForReasoning;
                }
                res.status = 400;
                res.set_content(refusal, kJson);
                return;
            }
        }
        if (fault == Fault::StreamError && !stream) {
            res.set_content(R"({"error":{"code":502,"message":"Provider returned error"}})", kJson);
            return;
        }
        if (fault == Fault::MalformedJson) {
            if (stream)
                res.set_content("data: {\"choices\":[{\"delta\":{\"content\":\"The\n\n", "text/event-stream");
            else
                res.set_content("{\"id\":\"chatcmpl-x\",\"choices\":[{\"message\":", kJson);
            return;
        }
        const std::string text = s.m_config.answer ? s.m_config.answer(body) : FakeServer::defaultAnswer(body);
        const std::string model = body.value("model", std::string());
        const int n = std::max(1, body.value("n", 1));
        int promptTokens = 0;
        for (const auto& m : body.value("messages", nlohmann::json::array()))
            promptTokens += wordCount(m.value("content", std::string()));
        const nlohmann::json usage { { "prompt_tokens", promptTokens }, { "completion_tokens", wordCount(text) * n } };
        const std::string id = "chatcmpl-" + std::to_string(s.m_calls.load());
        s.record(key, fault != Fault::StreamError);
        if (!stream) {
            nlohmann::json choices = nlohmann::json::array();
            for (int i = 0; i < n; ++i)
                choices.push_back({ { "index", i }, { "message", { { "role", "assistant" }, { "content", text } } },
                    { "finish_reason", "stop" } });
            if (s.m_config.choice) {
                if (nlohmann::json scripted = s.m_config.choice(body); !scripted.is_null())
                    choices[0] = std::move(scripted);
            }
            res.set_content(nlohmann::json { { "id", id }, { "object", "chat.completion" }, { "created", 0 },
                                { "model", model }, { "choices", choices }, { "usage", usage } }
                                .dump(),
                kJson);
            return;
        }
        std::vector<std::string> events;
        auto chunk = [&](nlohmann::json choices, const nlohmann::json& extra) {
            nlohmann::json c { { "id", id }, { "object", "chat.completion.chunk" }, { "model", model },
                { "choices", std::move(choices) } };
            if (!extra.is_null())
                c["usage"] = extra;
            events.push_back("data: " + c.dump() + "\n\n");
        };
        for (int i = 0; i < n; ++i) {
            chunk(nlohmann::json::array({ { { "index", i }, { "delta", { { "role", "assistant" } } } } }), nullptr);
            for (const std::string& piece : deltas(text))
                chunk(nlohmann::json::array({ { { "index", i }, { "delta", { { "content", piece } } } } }), nullptr);
            chunk(nlohmann::json::array(
                      { { { "index", i }, { "delta", nlohmann::json::object() }, { "finish_reason", "stop" } } }),
                i + 1 == n ? usage : nlohmann::json());
        }
        if (fault == Fault::StreamError) {
            // OpenRouter: the provider failed mid-generation; the HTTP status was 200 long ago.
            events.resize(std::min<std::size_t>(events.size(), 3));
            events.push_back("data: {\"id\":\"" + id
                + "\",\"object\":\"chat.completion.chunk\",\"error\":{\"code\":502,\"message\":\"Provider "
                  "disconnected\"},\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":"
                  "\"error\"}]}\n\n");
        }
        events.push_back("data: [DONE]\n\n");
        res.set_chunked_content_provider("text/event-stream", [events](size_t, httplib::DataSink& sink) {
            for (const std::string& e : events)
                if (!sink.write(e.data(), e.size()))
                    return false;
            sink.done();
            return true;
        });
    }

    void embeddings(const nlohmann::json& body, Fault fault, const std::string& key, httplib::Response& res)
    {
        if (fault == Fault::MalformedJson) {
            res.set_content("{\"data\":[{\"embedding\":[0.1,", kJson);
            return;
        }
        std::vector<std::string> inputs;
        const nlohmann::json input = body.value("input", nlohmann::json());
        if (input.is_string())
            inputs.push_back(input.get<std::string>());
        else if (input.is_array())
            for (const auto& item : input)
                inputs.push_back(item.is_string() ? item.get<std::string>() : item.dump());
        nlohmann::json data = nlohmann::json::array();
        int tokens = 0;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            data.push_back({ { "object", "embedding" }, { "index", i },
                { "embedding", FakeServer::embeddingFor(inputs[i], s.m_config.embeddingDimensions) } });
            tokens += wordCount(inputs[i]);
        }
        s.record(key, true);
        res.set_content(
            nlohmann::json { { "object", "list" }, { "data", data }, { "model", body.value("model", std::string()) },
                { "usage", { { "prompt_tokens", tokens }, { "total_tokens", tokens } } } }
                .dump(),
            kJson);
    }

    void models(const httplib::Request& req, httplib::Response& res, bool azure = false)
    {
        // Keys are not checked here (a connection test must work without one), only recorded.
        if (const std::string presented = presentedKey(req, azure); !presented.empty()) {
            std::lock_guard lock(s.m_mutex);
            ++s.m_presentedKeys[presented];
        }
        nlohmann::json data = nlohmann::json::array();
        for (const std::string& m : s.m_config.models)
            data.push_back({ { "id", m }, { "object", "model" }, { "owned_by", "fake" } });
        res.set_content(nlohmann::json { { "object", "list" }, { "data", data } }.dump(), kJson);
    }
};

FakeServer::FakeServer(FakeServerConfig config)
    : m_config(std::move(config))
    , d(std::make_unique<Impl>())
{
    m_latencyMs = m_config.latency.count();
}

bool FakeServer::start()
{
    auto handlers = std::make_shared<FakeServerHandlers>(FakeServerHandlers { *this });
    httplib::Server& server = d->server;
    const int threads = m_config.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    server.set_keep_alive_max_count(1000000);
    server.set_keep_alive_timeout(30);
    server.set_tcp_nodelay(true); // otherwise Nagle + delayed ACK adds ~40 ms to small answers
    server.Post("/v1/chat/completions", [handlers](const httplib::Request& req, httplib::Response& res) {
        handlers->serve(req, res, [&](const nlohmann::json& body, Fault fault, const std::string& key) {
            handlers->chat(body, fault, key, res);
        });
    });
    server.Post("/v1/completions", [handlers](const httplib::Request& req, httplib::Response& res) {
        handlers->serve(req, res, [&](const nlohmann::json& body, Fault fault, const std::string& key) {
            handlers->completion(body, fault, key, res);
        });
    });
    server.Post("/v1/embeddings", [handlers](const httplib::Request& req, httplib::Response& res) {
        handlers->serve(req, res, [&](const nlohmann::json& body, Fault fault, const std::string& key) {
            handlers->embeddings(body, fault, key, res);
        });
    });
    server.Get(
        "/v1/models", [handlers](const httplib::Request& req, httplib::Response& res) { handlers->models(req, res); });
    if (!m_config.azureApiVersion.empty())
        addAzureRoutes(handlers);
    // cpp-httplib listens with a backlog of 5: a burst of connects beyond that loses SYNs, which the client
    // sees as 1 s connect stalls. Remember the socket and widen the backlog after the bind.
    auto listenSocket = std::make_shared<socket_t>(socket_t(-1));
    server.set_socket_options([listenSocket](socket_t sock) {
        httplib::default_socket_options(sock);
        *listenSocket = sock;
    });
    m_port = server.bind_to_any_port("127.0.0.1");
    if (m_port <= 0)
        return false;
    ::listen(*listenSocket, 1024);
    m_thread = std::thread([&server] { server.listen_after_bind(); });
    for (int i = 0; i < 2000 && !server.is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return server.is_running();
}

void FakeServer::stop()
{
    m_stopping = true;
    if (m_thread.joinable()) {
        d->server.stop();
        m_thread.join();
    }
}

FakeServer::~FakeServer() { stop(); }

void FakeServer::addAzureRoutes(const std::shared_ptr<FakeServerHandlers>& handlers)
{
    httplib::Server& server = d->server;
    for (const char* endpoint : { "chat/completions", "embeddings" }) {
        const bool chat = std::string(endpoint) == "chat/completions";
        // cpp-httplib 0.11 routes by regular expression: the first group is the deployment.
        server.Post(std::string("/openai/deployments/([^/]+)/") + endpoint,
            [handlers, chat](const httplib::Request& req, httplib::Response& res) {
                const std::string deployment = req.matches[1].str();
                if (!handlers->azureFront(req, res, deployment))
                    return;
                handlers->serve(
                    req, res,
                    [&](nlohmann::json body, Fault fault, const std::string& key) {
                        body["model"] = deployment; // a deployment serves one model
                        chat ? handlers->chat(body, fault, key, res) : handlers->embeddings(body, fault, key, res);
                    },
                    true);
            });
        // The v1 form takes the model from the body and the key as a Bearer token, like OpenAI.
        server.Post(std::string("/openai/v1/") + endpoint,
            [handlers, chat](const httplib::Request& req, httplib::Response& res) {
                handlers->serve(req, res, [&](const nlohmann::json& body, Fault fault, const std::string& key) {
                    chat ? handlers->chat(body, fault, key, res) : handlers->embeddings(body, fault, key, res);
                });
            });
    }
    server.Get("/openai/models", [handlers](const httplib::Request& req, httplib::Response& res) {
        if (handlers->azureFront(req, res, std::string()))
            handlers->models(req, res, true);
    });
}

std::string FakeServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/v1"; }

std::string FakeServer::azureDeploymentUrl(const std::string& deployment) const
{
    return "http://127.0.0.1:" + std::to_string(m_port) + "/openai/deployments/" + deployment;
}

std::string FakeServer::azureV1Url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/openai/v1"; }

void FakeServer::setFaultProbability(Fault fault, double probability)
{
    std::lock_guard lock(m_mutex);
    m_probabilities[fault] = probability;
}

void FakeServer::setFaultAt(int callNumber, Fault fault)
{
    std::lock_guard lock(m_mutex);
    m_faultsAt[callNumber] = fault;
}

void FakeServer::clearFaults()
{
    std::lock_guard lock(m_mutex);
    m_probabilities.clear();
    m_faultsAt.clear();
}

void FakeServer::setLatency(std::chrono::milliseconds latency) { m_latencyMs = latency.count(); }

Fault FakeServer::pickFault(int callNumber)
{
    std::lock_guard lock(m_mutex);
    if (const auto it = m_faultsAt.find(callNumber); it != m_faultsAt.end())
        return it->second;
    if (m_probabilities.empty())
        return Fault::None;
    double draw = std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
    for (const auto& [fault, p] : m_probabilities) {
        if (draw < p)
            return fault;
        draw -= p;
    }
    return Fault::None;
}

void FakeServer::record(const std::string& key, bool success)
{
    std::lock_guard lock(m_mutex);
    if (success) {
        ++m_successes[key];
        ++m_totalSuccesses;
    }
}

std::string FakeServer::bodyKey(const std::string& body)
{
    try {
        nlohmann::json json = nlohmann::json::parse(body);
        if (json.is_object())
            json.erase("stream");
        return json.dump();
    } catch (const nlohmann::json::exception&) {
        return body;
    }
}

std::string FakeServer::defaultAnswer(const nlohmann::json& request)
{
    std::string prompt = request.value("prompt", std::string());
    for (const auto& m : request.value("messages", nlohmann::json::array()))
        if (m.value("role", std::string()) == "user")
            prompt = m.value("content", std::string());
    return "The answer is " + std::to_string(hash64(prompt) % 1000) + ".";
}

std::vector<float> FakeServer::embeddingFor(const std::string& text, int dimensions)
{
    std::mt19937_64 rng(hash64(text));
    std::normal_distribution<float> normal;
    std::vector<float> v(std::size_t(std::max(1, dimensions)));
    double norm = 0;
    for (float& x : v) {
        x = normal(rng);
        norm += double(x) * x;
    }
    norm = std::sqrt(norm);
    for (float& x : v)
        x = float(x / norm);
    return v;
}

int FakeServer::requestCount(const std::string& body) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_requests.find(bodyKey(body));
    return it == m_requests.end() ? 0 : it->second;
}

int FakeServer::successCount(const std::string& body) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_successes.find(bodyKey(body));
    return it == m_successes.end() ? 0 : it->second;
}

int FakeServer::totalRequests() const
{
    std::lock_guard lock(m_mutex);
    return m_totalRequests;
}

int FakeServer::totalSuccesses() const
{
    std::lock_guard lock(m_mutex);
    return m_totalSuccesses;
}

int FakeServer::maxSuccessesPerBody() const
{
    std::lock_guard lock(m_mutex);
    int most = 0;
    for (const auto& [key, count] : m_successes)
        most = std::max(most, count);
    return most;
}

std::vector<std::chrono::steady_clock::time_point> FakeServer::arrivals(const std::string& body) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_arrivals.find(bodyKey(body));
    return it == m_arrivals.end() ? std::vector<std::chrono::steady_clock::time_point>() : it->second;
}

std::map<std::string, int> FakeServer::presentedKeys() const
{
    std::lock_guard lock(m_mutex);
    return m_presentedKeys;
}

int FakeServer::rejectedForReasoning() const
{
    std::lock_guard lock(m_mutex);
    return m_rejectedForReasoning;
}

std::vector<nlohmann::json> FakeServer::chatBodies() const
{
    std::lock_guard lock(m_mutex);
    return m_chatBodies;
}

} // namespace wb::test
