// SPDX-License-Identifier: Apache-2.0
// i3c run DATASET --method M --model NAME ... | i3c run --resume RUN
#include "app/cli/command.h"
#include "app/cli/datasetoptions.h"
#include "app/cli/options.h"
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

class RunCommand final : public Command {
public:
    std::string name() const override { return "run"; }
    std::string summary() const override
    {
        return "run a method over a dataset against an OpenAI-compatible backend (or resume a run)";
    }
    void declare(CLI::App& app) override
    {
        app.footer("Continue an interrupted or planned run with: i3c run --resume RUN [--db FILE]");
        declareDatasetFile(app, m_dataset, "DATASET", "dataset file to run over");
        app.add_option("--method", m_method, "method id (see i3c methods)")->type_name("M");
        declareBackendOptions(app, m_backend);
        declareDatabase(app, m_db, kDefaultDbPath);
        addNumber(app, "--limit", m_limit, kWholeNumber, "run over the first N problems only (0: all)");
        app.add_option("--name", m_name, "name of the run (default: made from the method and model)")->type_name("S");
        declareFormat(app, m_format);
        app.add_option("--demo-set", m_demoSet, "demo set for few-shot methods (see i3c select-demos)")
            ->type_name("ID");
        app.add_flag("--plan-only", m_planOnly, "create the run without executing it (for export-batch or --resume)");
        app.add_option("--resume", m_resume, "continue run RUN with its stored configuration")->type_name("RUN");
    }
    int run(const CommandContext& context) override;

private:
    /// With --resume, anything but --db on the line would be silently ignored: a usage error instead.
    Result<void> checkResumeLine(const CLI::App& parsed) const;
    Result<run::RunId> createRun(run::Runner& runner) const;

    std::string m_dataset;
    std::string m_method;
    BackendOptions m_backend;
    std::string m_db;
    long long m_limit = 0;
    std::string m_name;
    std::string m_format;
    std::string m_demoSet;
    bool m_planOnly = false;
    std::string m_resume;
};

Result<void> RunCommand::checkResumeLine(const CLI::App& parsed) const
{
    for (const CLI::Option* option : parsed.get_options()) {
        if (option->count() == 0 || option->check_lname("resume") || option->check_lname("db"))
            continue;
        if (!option->nonpositional() || option->get_items_expected_max() == 0)
            return makeError(ErrorCode::Usage, "--resume RUN takes only --db FILE");
        return makeError(ErrorCode::Usage,
            "--resume RUN continues the run with its stored configuration; " + option->get_name()
                + " cannot change it");
    }
    return {};
}

Result<run::RunId> RunCommand::createRun(run::Runner& runner) const
{
    if (m_dataset.empty())
        return makeError(ErrorCode::Usage, "run takes exactly one DATASET file (or --resume RUN)");
    run::RunConfig config;
    config.datasetPath = m_dataset;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(config.datasetPath, ec))
        return makeError(ErrorCode::NotFound, "dataset file not found", config.datasetPath);
    config.datasetFormat = m_format.empty() ? "auto" : m_format;
    config.name = m_name;
    if (m_limit < 0)
        return makeError(ErrorCode::Usage, "option --limit must not be negative");
    config.limit = std::size_t(m_limit);
    if (m_method.empty())
        return makeError(ErrorCode::Usage, "missing --method M (see `i3c methods`)");
    if (auto method = run::resolveMethod(m_method, config); !method)
        return method.error();
    if (auto backend = applyBackendOptions(m_backend, config); !backend)
        return backend.error();
    if (!m_demoSet.empty()) {
        auto id = parseRunId(m_demoSet, "--demo-set");
        if (!id)
            return id.error();
        config.demoSetId = *id;
    }
    return runner.create(config);
}

int RunCommand::run(const CommandContext& context)
{
    const bool resume = !m_resume.empty();
    if (resume)
        if (auto line = checkResumeLine(context.parsed); !line)
            return reportError(context, line.error());
    auto store = openStore(m_db, resume);
    if (!store)
        return reportError(context, store.error());
    run::RunnerOptions options;
    run::Runner runner(*store, options);

    run::RunId runId = 0;
    if (resume) {
        auto id = parseRunId(m_resume, "--resume");
        if (!id)
            return reportError(context, id.error());
        if (auto existing = store->run(*id); !existing)
            return reportError(context, existing.error());
        runId = *id;
    } else {
        auto created = createRun(runner);
        if (!created)
            return reportError(context, created.error());
        runId = *created;
    }
    context.out << runId << '\n' << std::flush;
    if (m_planOnly) {
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

} // namespace

std::unique_ptr<Command> makeRunCommand() { return std::make_unique<RunCommand>(); }

} // namespace wb::cli
