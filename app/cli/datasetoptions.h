// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/loader.h"

#include <string>

namespace CLI {
class App;
}

namespace wb::cli {

/// The loader options shared by every command that reads a dataset: --format, --map and --strict.
struct DatasetOptions {
    std::string format;
    std::string map;
    bool strict = false;
};

/// The dataset file positional, shown as `valueName` (FILE, DATASET, POOL_FILE).
void declareDatasetFile(CLI::App& app, std::string& path, const std::string& valueName, const std::string& what);
/// --format F alone (run and select-demos pass the name on to the runner).
void declareFormat(CLI::App& app, std::string& format);
/// --format F, --map SPEC and --strict.
void declareDatasetOptions(CLI::App& app, DatasetOptions& options);
/// The loader options they name; an unknown format or a malformed mapping is a usage error.
Result<dataset::LoadOptions> datasetLoadOptions(const DatasetOptions& options);

} // namespace wb::cli
