// SPDX-License-Identifier: Apache-2.0
// i3c run DATASET --method M --model NAME ... | i3c run --resume RUN
#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/commands/runshared.h"

#include "core/run/methodprogram.h"
#include "core/run/runner.h"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace wb::cli {
namespace {

constexpr double kPlainProgressInterval = 10.0; ///< seconds between progress lines when stderr is not a terminal

std::atomic<CancelToken*> g_interruptToken { nullptr };

extern "C" void onInterrupt(int)
{
    // Only an atomic store: safe in a signal handler. The run stops at its next safe point and stays resumable.
    if (CancelToken* token = g_interruptToken.load())
        token->cancel();
}

/// Routes Ctrl-C / SIGTERM to the run's cancel token while it executes.
class InterruptGuard {
public:
    explicit InterruptGuard(CancelToken& token)
    {
        g_interruptToken.store(&token);
        m_previousInt = std::signal(SIGINT, onInterrupt);
        m_previousTerm = std::signal(SIGTERM, onInterrupt);
    }
    ~InterruptGuard()
    {
        std::signal(SIGINT, m_previousInt);
        std::signal(SIGTERM, m_previousTerm);
        g_interruptToken.store(nullptr);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    void (*m_previousInt)(int) = SIG_DFL;
    void (*m_previousTerm)(int) = SIG_DFL;
};

/// Progress on stderr: a live line on a terminal, otherwise a plain line every kPlainProgressInterval seconds.
class ProgressPrinter {
public:
    explicit ProgressPrinter(std::ostream& err)
        : m_err(err)
        , m_live(&err == &std::cerr && isatty(STDERR_FILENO))
    {
    }
    void operator()(const run::Progress& progress)
    {
        if (m_live) {
            m_err << '\r' << progress.toLine() << "\x1b[K" << (progress.finished ? "\n" : "") << std::flush;
            return;
        }
        if (progress.finished || progress.elapsedSeconds - m_lastLine >= kPlainProgressInterval) {
            m_lastLine = progress.elapsedSeconds;
            m_err << progress.toLine() << '\n' << std::flush;
        }
    }

private:
    std::ostream& m_err;
    bool m_live = false;
    double m_lastLine = 0.0;
};

Result<run::RunId> createRun(const Args& args, run::Runner& runner)
{
    if (args.positionals().size() != 1)
        return makeError(ErrorCode::Usage, "run takes exactly one DATASET file (or --resume RUN)");
    run::RunConfig config;
    config.datasetPath = args.positionals().front();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(config.datasetPath, ec))
        return makeError(ErrorCode::NotFound, "dataset file not found", config.datasetPath);
    config.datasetFormat = args.valueOr("format", "auto");
    config.name = args.valueOr("name", "");
    auto limit = args.integer("limit", 0);
    if (!limit)
        return limit.error();
    if (*limit < 0)
        return makeError(ErrorCode::Usage, "option --limit must not be negative");
    config.limit = std::size_t(*limit);
    const auto methodName = args.value("method");
    if (!methodName)
        return makeError(ErrorCode::Usage, "missing --method M (see `i3c methods`)");
    if (auto method = run::resolveMethod(*methodName, config); !method)
        return method.error();
    if (auto backend = applyBackendOptions(args, config); !backend)
        return backend.error();
    if (const auto demoSet = args.value("demo-set")) {
        auto id = parseRunId(*demoSet, "--demo-set");
        if (!id)
            return id.error();
        config.demoSetId = *id;
    }
    return runner.create(config);
}

} // namespace

int runCommand(const CommandContext& context)
{
    auto valueOptions = backendValueOptions();
    valueOptions.insert({ "db", "method", "limit", "name", "format", "resume", "demo-set" });
    auto args = Args::parse(context.args, valueOptions, { "no-cache", "plan-only" });
    if (!args)
        return reportError(context, args.error());

    const auto resume = args->value("resume");
    if (resume) {
        // A resumed run keeps its stored configuration; anything else on the line would be silently ignored.
        for (const auto& name : valueOptions) {
            if (name != "resume" && name != "db" && args->value(name))
                return reportError(context,
                    makeError(ErrorCode::Usage,
                        "--resume RUN continues the run with its stored configuration; --" + name
                            + " cannot change it"));
        }
        if (!args->positionals().empty() || args->has("no-cache") || args->has("plan-only"))
            return reportError(context, makeError(ErrorCode::Usage, "--resume RUN takes only --db FILE"));
    }
    auto store = openStore(*args, resume.has_value());
    if (!store)
        return reportError(context, store.error());
    run::RunnerOptions options;
    run::Runner runner(*store, options);

    run::RunId runId = 0;
    if (resume) {
        auto id = parseRunId(*resume, "--resume");
        if (!id)
            return reportError(context, id.error());
        if (auto existing = store->run(*id); !existing)
            return reportError(context, existing.error());
        runId = *id;
    } else {
        auto created = createRun(*args, runner);
        if (!created)
            return reportError(context, created.error());
        runId = *created;
    }
    context.out << runId << '\n' << std::flush;
    if (args->has("plan-only")) {
        // Created, not executed: for export-batch, or to start later with --resume.
        context.out << "run " << runId << " planned; execute it with: i3c run --resume " << runId << " --db "
                    << store->path() << '\n';
        return kExitOk;
    }

    CancelToken cancel;
    ProgressPrinter printer(context.err);
    Result<run::RunSummary> summary = makeError(ErrorCode::Internal, "not run");
    {
        InterruptGuard guard(cancel);
        summary = runner.execute(runId, cancel, [&](const run::Progress& p) { printer(p); });
    }
    if (!summary)
        return reportError(context, summary.error());

    const auto& s = *summary;
    context.out << "run " << runId << ' ' << store::runStatusName(s.status) << ": " << s.problems << " problems, "
                << s.errors << " with errors; calls " << s.doneCalls << '/' << s.plannedCalls << " (sent "
                << s.sessionSent << ", cached " << s.sessionCached << ", resumed " << s.sessionResumed << "); tokens "
                << s.promptTokens + s.completionTokens << "; " << run::formatDuration(s.elapsedSeconds) << '\n';
    if (s.status == store::RunStatus::Cancelled)
        context.err << "i3c: run " << runId << " was interrupted; continue it with: i3c run --resume " << runId
                    << " --db " << store->path() << '\n';
    else if (s.errors > 0) {
        // Name the first failure here, so that a wrong model, URL or key is obvious without opening the report.
        if (auto results = store->loadResults(runId)) {
            for (const auto& result : *results) {
                if (!result.error.empty()) {
                    context.err << "i3c: problem " << result.problemIndex << ": " << result.error << '\n';
                    break;
                }
            }
        }
        context.err << "i3c: " << s.errors << " problems ended with an error (see `i3c report " << runId
                    << "`); retry them with: i3c run --resume " << runId << " --db " << store->path() << '\n';
    }
    context.out << "accuracy " << formatAccuracy(s.accuracy) << '\n';
    return s.status == store::RunStatus::Completed && s.errors == 0 ? kExitOk : kExitFailure;
}

} // namespace wb::cli
