// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the run-related commands (run, runs, report, compare, select-demos, export/import-batch).
#pragma once

#include "app/cli/args.h"

#include "core/common/result.h"
#include "core/eval/statistics.h"
#include "core/run/runconfig.h"
#include "core/store/store.h"

#include <cstdint>
#include <set>
#include <string>

namespace wb::cli {

constexpr const char* kDefaultDbPath = "./i3c-workbench.db";

/// Options every command that talks to a backend accepts.
const std::set<std::string>& backendValueOptions();

/// Opens --db (default ./i3c-workbench.db). With `mustExist` a missing file is NotFound naming it, so that
/// reading commands never create an empty database by accident.
Result<store::Store> openStore(const Args& args, bool mustExist);

/// A run id given on the command line ("12"); anything else is a usage error naming `what`.
Result<std::int64_t> parseRunId(const std::string& text, const std::string& what);

/// The one positional RUN id of `command`; a missing, extra or malformed one is a usage error.
Result<std::int64_t> singleRunId(const Args& args, const std::string& command);

/// Fills the backend, sampling and relevance parts of `config` from --base-url (else $OPENAI_BASE_URL),
/// --model, --api-key-env, --concurrency, --timeout, --retries, --temperature, --max-tokens, --seed,
/// --no-cache, --encoder, --embedding-model and --theta. Malformed values are usage errors naming the option.
Result<void> applyBackendOptions(const Args& args, run::RunConfig& config);

/// "0.7200 (36/50), 95% CI [0.5833, 0.8253]"
std::string formatAccuracy(const eval::Accuracy& accuracy);

/// Accuracy over results where an error or a missing result counts as incorrect.
eval::Accuracy accuracyOf(std::size_t correct, std::size_t total);

} // namespace wb::cli
