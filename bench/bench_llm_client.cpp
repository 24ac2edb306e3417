// SPDX-License-Identifier: Apache-2.0
// Throughput and overhead of wb::llm::Client against the fake OpenAI-compatible server with a fixed latency.
//
// What is measured, and how: the server runs in its own child process, and every client run in another
// child, so the CPU time and peak RSS that wait4() reports for a client run belong to the client alone
// (its event-loop thread, the submitting thread, libcurl, JSON parsing) and never to the server.
// ratio = wall time / (N·L/C), the ideal for N calls of latency L at concurrency C; 1.00 is perfect.
//
// Usage: bench_llm_client [--n 2000] [--c 64] [--latency-ms 50] [--mode window|all]
//   window: the caller keeps at most 2·C requests outstanding (how the batch runner submits);
//   all:    all N are submitted at once (memory then grows with N by the queued requests).
#include "core/llm/client.h"
#include "support/fakeserver.h"

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct Options {
    int n = 2000;
    int c = 64;
    int latencyMs = 50;
    bool window = true;
};

struct RunResult {
    double wallS = 0;
    double cpuS = 0;
    long maxRssKb = 0;
    long baseRssKb = 0;
    unsigned long long ok = 0;
    unsigned long long httpRequests = 0;
    int peakInFlight = 0;
};

[[noreturn]] void serveForever(int latencyMs, int threads, int portPipe)
{
    wb::test::FakeServerConfig config;
    config.latency = std::chrono::milliseconds(latencyMs);
    config.threads = threads;
    wb::test::FakeServer server(config);
    int port = server.start() ? server.port() : -1;
    if (write(portPipe, &port, sizeof port) != sizeof port)
        _exit(1);
    close(portPipe);
    // Serve until the parent closes stdin-like control pipe (its exit closes it too).
    char byte;
    while (read(STDIN_FILENO, &byte, 1) > 0) { }
    server.stop();
    _exit(0);
}

/// Runs N calls in this (child) process and reports through `out`.
[[noreturn]] void runClient(const Options& o, int port, int n, int out)
{
    RunResult r;
    rusage before {};
    getrusage(RUSAGE_SELF, &before);
    r.baseRssKb = before.ru_maxrss;

    wb::llm::BackendProfile profile;
    profile.baseUrl = "http://127.0.0.1:" + std::to_string(port) + "/v1";
    profile.model = "fake-model";
    profile.apiKeyEnv = "WB_BENCH_NO_KEY";
    profile.concurrency = o.c;
    profile.maxRetries = 0;
    wb::llm::Client client(profile);

    std::mutex mutex;
    std::condition_variable cv;
    int outstanding = 0;
    unsigned long long ok = 0;
    const int window = o.window ? 2 * o.c : n;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) {
        {
            std::unique_lock lock(mutex);
            cv.wait(lock, [&] { return outstanding < window; });
            ++outstanding;
        }
        wb::llm::ChatRequest request;
        request.messages = { { "system", "Solve the problem step by step." },
            { "user", "Problem " + std::to_string(i) + ": Tom has 3 apples and buys 4 more. How many?" } };
        request.temperature = 0.0;
        request.noCache = true;
        client.submit(std::move(request), [&](wb::Result<wb::llm::ChatResponse> result) {
            std::lock_guard lock(mutex);
            if (result.ok())
                ++ok;
            --outstanding;
            cv.notify_one();
        });
    }
    client.waitIdle();
    r.wallS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.ok = ok;
    const wb::llm::ClientStats stats = client.stats();
    r.httpRequests = stats.httpRequests;
    r.peakInFlight = stats.peakInFlight;
    if (write(out, &r, sizeof r) != sizeof r)
        _exit(1);
    _exit(0);
}

RunResult measure(const Options& o, int port, int n)
{
    int fds[2];
    if (pipe(fds) != 0)
        std::exit(1);
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        runClient(o, port, n, fds[1]);
    }
    close(fds[1]);
    RunResult r;
    if (read(fds[0], &r, sizeof r) != sizeof r)
        std::fprintf(stderr, "client run failed\n");
    close(fds[0]);
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage);
    r.cpuS = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    r.maxRssKb = usage.ru_maxrss;
    return r;
}

} // namespace

int main(int argc, char** argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--n")
            o.n = std::atoi(value.c_str());
        else if (flag == "--c")
            o.c = std::atoi(value.c_str());
        else if (flag == "--latency-ms")
            o.latencyMs = std::atoi(value.c_str());
        else if (flag == "--mode")
            o.window = value != "all";
    }
    // Fork the server before any thread exists in this process.
    int control[2];
    int portPipe[2];
    if (pipe(control) != 0 || pipe(portPipe) != 0)
        return 1;
    const pid_t server = fork();
    if (server == 0) {
        dup2(control[0], STDIN_FILENO);
        close(control[1]);
        close(portPipe[0]);
        serveForever(o.latencyMs, 2 * o.c + 32, portPipe[1]);
    }
    close(control[0]);
    close(portPipe[1]);
    int port = -1;
    if (read(portPipe[0], &port, sizeof port) != sizeof port || port <= 0) {
        std::fprintf(stderr, "the fake server did not start (cpp-httplib missing?)\n");
        return 1;
    }

    std::printf("llm client: L=%d ms, C=%d, mode=%s, server in a separate process\n", o.latencyMs, o.c,
        o.window ? "window(2C outstanding)" : "all-at-once");
    std::printf("%7s %8s %8s %7s %12s %10s %10s %6s %6s\n", "N", "wall s", "ideal s", "ratio", "cpu ms/call", "rss MiB",
        "base MiB", "ok", "peak");
    for (int n : { o.n, 4 * o.n }) {
        const RunResult r = measure(o, port, n);
        const double ideal = double(n) * o.latencyMs / 1000.0 / o.c;
        std::printf("%7d %8.3f %8.3f %7.3f %12.4f %10.1f %10.1f %6llu %6d\n", n, r.wallS, ideal, r.wallS / ideal,
            r.cpuS * 1000.0 / n, r.maxRssKb / 1024.0, r.baseRssKb / 1024.0, r.ok, r.peakInFlight);
    }
    close(control[1]);
    waitpid(server, nullptr, 0);
    return 0;
}
