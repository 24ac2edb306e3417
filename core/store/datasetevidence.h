// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/store/records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wb::store {

class Store;

/// Reads that tie stored runs to a dataset by its identity — the content hash — instead of a row id or a
/// position, so that what a view shows as a run's evidence is of the dataset and the problem it shows.

/// The runs of the dataset stored with `contentHash`, newest first; empty when no stored dataset has that hash.
Result<std::vector<RunRecord>> runsOfDataset(Store& store, const std::string& contentHash);

/// The source id of the problem stored at `index` of the dataset with `contentHash`; nullopt when that dataset
/// is not stored or has no problem at `index`.
Result<std::optional<std::string>> storedProblemId(Store& store, const std::string& contentHash, std::int64_t index);

} // namespace wb::store
