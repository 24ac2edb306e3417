// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the run-related commands (run, runs, report, compare, select-demos, export/import-batch).
#pragma once

#include "core/common/result.h"
#include "core/eval/statistics.h"
#include "core/run/outcomecounts.h"
#include "core/run/runconfig.h"
#include "core/store/store.h"

#include <cstdint>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace wb::cli {

constexpr const char* kDefaultDbPath = "./i3c-workbench.db";

/// The options every command that talks to a backend accepts, as CLI11 parsed them.
struct BackendOptions {
    std::string model;
    std::string baseUrl;
    std::string apiKeyEnv;
    long long concurrency = 0;
    long long retries = 0;
    double timeout = 0;
    double maxWait = 0;
    std::string apiVersion;
    bool reasoningModel = false;
    std::string reasoningEffort;
    double theta = 0;
    std::optional<double> temperature;
    std::optional<long long> maxTokens;
    std::optional<long long> seed;
    bool noCache = false;
    std::string encoder;
    std::string embeddingModel;
};

/// Declares --model, --base-url, --api-key-env, --api-version, --concurrency, --timeout, --retries, --max-wait,
/// --reasoning-model, --reasoning-effort, --temperature, --max-tokens, --seed, --no-cache, --encoder,
/// --embedding-model and --theta, with RunConfig's defaults.
void declareBackendOptions(CLI::App& app, BackendOptions& options);

/// Opens the database at `path`. With `mustExist` a missing file is NotFound naming it, so that reading commands
/// never create an empty database by accident.
Result<store::Store> openStore(const std::string& path, bool mustExist);
/// Opens an existing database read-only (no migration, no journal switch), for the commands that only read:
/// they work on a file the user may not write, and a missing file is NotFound naming it.
Result<store::Store> openStoreReadOnly(const std::string& path);

/// A run id given on the command line ("12"); anything else is a usage error naming `what`.
Result<std::int64_t> parseRunId(const std::string& text, const std::string& what);

/// Fills the backend, sampling and relevance parts of `config` (--base-url, else $OPENAI_BASE_URL). Values out
/// of range are usage errors naming the option; a missing --model is one too.
Result<void> applyBackendOptions(const BackendOptions& options, run::RunConfig& config);

/// "0.7200 (36/50 answered), 95% CI [0.5833, 0.8253]; coverage 50/52 (0.96), 2 errors", or "n/a (nothing
/// answered); ..." — accuracy over the answered problems, always with what it leaves out (docs/outcomes.md).
std::string formatAccuracy(const run::OutcomeCounts& counts);

/// The problems a stored run plans (its --limit applied to its dataset); 0 when that cannot be read.
std::size_t plannedProblems(store::Store& store, const store::RunRecord& run);

} // namespace wb::cli
