// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/relevance/encoder.h"

#include <string>
#include <vector>

namespace wb::relevance {

constexpr double kDefaultTheta = 0.5;
/// Weight of the new-actor cue in the combined relevance score (see combinedRelevance()).
constexpr double kNewActorPenalty = 0.5;

/// Relevance of every condition of one problem (i3c-method.md §3).
struct RelevanceReport {
    std::vector<double> sq; ///< s(q)_i = cos(c_i, q)
    std::vector<double> sc; ///< s(c)_i = mean cos(c_i, c_j), j != i; NaN when n == 1
    std::vector<std::vector<double>> matrix; ///< n x n cos(c_i, c_j), diagonal 1
    std::vector<int> candidates; ///< ascending indices of irrelevant-condition candidates
    double confusionScore = 0.0; ///< low = confusing (mean of s(q), i3c-method.md §6); NaN when n == 0
    std::string encoderId;
    double theta = kDefaultTheta;
    std::vector<int> newActors; ///< per condition: actors nobody else mentions (actorcues.h)
    std::vector<double> combined; ///< per condition: combinedRelevance(); low = likely irrelevant
    int leastRelevant = -1; ///< index of the lowest `combined` (first on ties), -1 when n == 0
};

/// The candidate rule of i3c-method.md §3.3: has a digit AND (s(c) < theta OR s(q) < theta), strict "<",
/// a NaN s(c) (single condition) never triggers. `sc` may be shorter than `conditions` (missing = unknown).
std::vector<int> selectCandidates(const std::vector<std::string>& conditions, const std::vector<double>& sq,
    const std::vector<double>& sc, double theta = kDefaultTheta);

/// Combined per-condition relevance used to rank conditions (not by the candidate rule, which stays the paper's):
/// s(q)_i + s(c)_i - kNewActorPenalty * [condition i introduces a new actor], with a NaN s(c) counted as 0.
/// Chosen because an irrelevant fact is usually unrelated to the question AND to the other facts, and inserted
/// facts typically bring in a person nobody else mentions (docs/relevance.md gives the measured effect).
std::vector<double> combinedRelevance(
    const std::vector<double>& sq, const std::vector<double>& sc, const std::vector<int>& newActors);

/// Confusion score of a problem (i3c-method.md §6, best guess): mean s(q) over its conditions; NaN when n == 0.
double confusionScore(const std::vector<double>& sq);

/// Encode conditions and question with `encoder`, compute the scores, the matrix and the candidates.
Result<RelevanceReport> analyse(Encoder& encoder, const std::vector<std::string>& conditions,
    const std::string& question, double theta = kDefaultTheta);

} // namespace wb::relevance
