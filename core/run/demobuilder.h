// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/cancel.h"
#include "core/common/result.h"
#include "core/method/demos.h"
#include "core/method/method.h"
#include "core/run/runconfig.h"
#include "core/store/records.h"

#include <cstdint>
#include <string>

namespace wb::store {
class Store;
}

namespace wb::run {

/// How to make a demo set from a pool of problems (i3c-method.md §6; Complex-CoT; Auto-CoT).
struct DemoBuildOptions {
    std::string poolPath;
    std::string poolFormat = "auto";
    std::size_t poolLimit = 0; ///< first N pool problems only (0 = all)
    method::DemoSource source = method::DemoSource::I3cSelect;
    std::size_t k = 8;
    std::uint64_t seed = 0; ///< Auto-CoT k-means seed
    std::string name; ///< stored name; default: the demos.set of the matching built-in method
    /// Backend (for generating reasoning paths), encoder, theta and sampling overrides. Unused for Complex-CoT.
    RunConfig backend;
};

struct DemoBuildResult {
    store::RowId demoSetId = 0;
    method::DemoSet set;
    std::size_t generatedCalls = 0; ///< LLM calls made to write reasoning paths
};

/// Selects k pool problems (I3C-Select: lowest confusion score; Complex-CoT: most reasoning steps; Auto-CoT:
/// k-means representatives), writes their reasoning paths with the generator method of the matching built-in
/// method (I3C-Select, Auto-CoT) through the backend, and stores the set with a description of how it was made.
Result<DemoBuildResult> buildDemoSet(store::Store& store, const DemoBuildOptions& options, const CancelToken& cancel);

} // namespace wb::run
