// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/args.h"

#include "core/dataset/loader.h"

namespace wb::cli {

/// The loader options shared by every command that reads a dataset: --format, --map and --strict.
Result<dataset::LoadOptions> datasetLoadOptions(const Args& args);

} // namespace wb::cli
