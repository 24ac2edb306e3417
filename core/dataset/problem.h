// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wb::dataset {

/// One math word problem as loaded from any supported format. Plain value type shared by every module.
struct Problem {
    std::size_t index = 0; ///< 0-based position in its dataset
    std::string id; ///< the dataset's own id when it has one, else the 1-based record number
    std::string text; ///< full problem text as the model sees it
    std::vector<std::string> conditions; ///< segmented conditions c_1..c_n (empty until segmented)
    std::string question; ///< the question sentence q
    bool segmentationFromSource = false; ///< true when the file carried its own segmentation (I3C, GSM-IC-1K)

    std::string goldAnswerText; ///< the gold answer exactly as the file states it
    std::optional<double> goldNumber; ///< normalised numeric gold (commas stripped, fractions evaluated)
    std::string goldChoice; ///< multiple-choice letter (AQuA), empty otherwise
    std::vector<std::string> choices; ///< multiple-choice options "A)..." (AQuA)
    std::string rationale; ///< worked solution when the file has one (GSM8K "answer", AQuA)
    std::string reasoning; ///< model-written reasoning path (I3C demonstrations), empty elsewhere
    std::optional<double> confusionScore; ///< I3C demonstrations: the confusion score the file ships

    std::vector<int> goldIrrelevant; ///< indices into `conditions` annotated as irrelevant
    std::vector<std::string> goldIrrelevantText; ///< the annotated sentences as the file states them (when it does)
    bool hasGoldAnnotation = false; ///< the source annotates irrelevant conditions for this problem

    /// Reference data shipped with the I3C preprocessed files, kept for comparison (empty elsewhere).
    std::vector<int> referenceCandidates;
    std::vector<double> referenceSq;

    std::uint64_t sourceLine = 0; ///< 1-based line of the record's start in its file (0 = unknown)
};

} // namespace wb::dataset
