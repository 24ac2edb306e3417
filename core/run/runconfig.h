// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/llm/backendprofile.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace wb::run {

/// Everything that determines a run's figures: dataset × method × backend × parameters. Stored with the run as
/// canonical JSON so any number can be traced back to the exact inputs. The API key itself is never part of it;
/// only the name of the environment variable that holds it.
struct RunConfig {
    std::string name; ///< user label (may be empty)

    // Dataset
    std::string datasetPath; ///< file the problems come from
    std::string datasetFormat; ///< loader format name ("auto" when sniffed)
    std::string datasetHash; ///< sha256 of the dataset file bytes; resume refuses a changed file
    std::size_t limit = 0; ///< first N problems only (0 = all)

    // Method
    std::string methodId; ///< e.g. "i3c-select"
    std::string methodText; ///< the method's full definition (JSON text) as it was when the run was created
    std::string methodHash; ///< sha256 of methodText
    std::int64_t demoSetId = 0; ///< stored demo set used by the method (0 = the method's own demos)

    // Backend profile (base URL, model, key variable name, concurrency, timeouts, retries)
    llm::BackendProfile backend;
    bool useCache = true; ///< read and write the response cache

    // Sampling overrides (absent = each step's own decoding parameters from the method)
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    std::optional<long long> seed;

    // Relevance analysis that chooses the candidates
    std::string encoder = "builtin"; ///< "builtin" or an embeddings endpoint URL
    std::string encoderModel; ///< model for an embeddings endpoint
    double theta = 0.5;

    std::string programVersion; ///< WB_VERSION of the program that created the run

    /// Canonical JSON (sorted keys, no API key). Same config → byte-identical text.
    nlohmann::json toJson() const;
    std::string canonicalJson() const;
    /// sha256 of canonicalJson() without name and programVersion: identical experiments share it.
    std::string experimentHash() const;

    /// Parses what toJson() wrote; unknown keys are ignored, a wrong type names the field.
    static Result<RunConfig> fromJson(const nlohmann::json& json);
    static Result<RunConfig> fromJsonText(const std::string& text);

    /// Problems the run covers in a dataset of `datasetProblems`: the first `limit` of them, or all.
    std::size_t problemCount(std::size_t datasetProblems) const;

    /// Checks the fields a run cannot start without; the error names the field.
    Result<void> validate() const;
};

} // namespace wb::run
