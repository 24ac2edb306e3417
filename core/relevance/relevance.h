// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/relevance/encoder.h"

#include <string>
#include <vector>

namespace wb::relevance {

constexpr double kDefaultTheta = 0.5;

/// Relevance of every condition of one problem (i3c-method.md §3).
struct RelevanceReport {
    std::vector<double> sq;                     ///< s(q)_i = cos(c_i, q)
    std::vector<double> sc;                     ///< s(c)_i = mean cos(c_i, c_j), j != i; NaN when n == 1
    std::vector<std::vector<double>> matrix;    ///< n x n cos(c_i, c_j), diagonal 1
    std::vector<int> candidates;                ///< ascending indices of irrelevant-condition candidates
    double confusionScore = 0.0;                ///< low = confusing (mean of s(q), i3c-method.md §6)
    std::string encoderId;
    double theta = kDefaultTheta;
};

/// The candidate rule of i3c-method.md §3.3: has a digit AND (s(c) < theta OR s(q) < theta), strict "<",
/// a NaN s(c) (single condition) never triggers.
std::vector<int> selectCandidates(const std::vector<std::string>& conditions, const std::vector<double>& sq,
    const std::vector<double>& sc, double theta = kDefaultTheta);

/// Encode conditions and question with `encoder`, compute the scores, the matrix and the candidates.
Result<RelevanceReport> analyse(Encoder& encoder, const std::vector<std::string>& conditions,
    const std::string& question, double theta = kDefaultTheta);

} // namespace wb::relevance
