// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/problem.h"
#include "core/method/demos.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wb::method {

/// Reasoning steps of a worked solution as Complex-CoT counts them: non-empty lines before the "####" line.
std::size_t countReasoningSteps(std::string_view solution);
/// GSM8K calculator annotations "<<...>>" in a solution (the tie-breaker after the step count).
std::size_t countCalculatorAnnotations(std::string_view solution);
/// A GSM8K solution as a CoT demonstration: annotations removed, lines kept, "#### N" -> "The answer is N.".
std::string cotFromSolution(std::string_view solution);

/// Complex-CoT (Fu et al. 2023): the k pool problems whose `rationale` has the most reasoning steps, then the
/// most annotations, then the lowest index. Returns pool indices, most complex first.
std::vector<std::size_t> selectComplexCot(const std::vector<dataset::Problem>& pool, std::size_t k);

/// Auto-CoT (Zhang et al. 2023): k-means (k-means++ seeding from std::mt19937_64(seed), Lloyd iterations) over
/// the unit-normalised `vectors` (one per pool problem), then per cluster the member closest to its centroid
/// whose question has at most `maxQuestionWords` words (the closest member if none qualifies). Clusters are
/// reported in the order of their lowest member index. Returns pool indices; fewer than k when the pool is
/// smaller. Deterministic for a given seed on every platform.
std::vector<std::size_t> selectAutoCot(const std::vector<dataset::Problem>& pool,
    const std::vector<std::vector<float>>& vectors, std::size_t k, std::uint64_t seed,
    std::size_t maxQuestionWords = 60);

/// I3C-Select (i3c-method.md §6): the k pool problems with the lowest confusion score (most confusing), in
/// ascending score order, ties by index; NaN scores are skipped. `confusionScores` is parallel to `pool`.
std::vector<std::size_t> selectI3cSelect(
    const std::vector<dataset::Problem>& pool, const std::vector<double>& confusionScores, std::size_t k);

/// The chosen pool problems as a demo set. With `reasoningFromSolution` the reasoning is cotFromSolution of
/// the problem's rationale (Complex-CoT); otherwise it is left empty for a model to generate (Auto-CoT,
/// I3C-Select). `scores` (optional, parallel to the pool) is copied into the items.
DemoSet makeDemoSet(const std::string& name, const std::string& howMade, const std::vector<dataset::Problem>& pool,
    const std::vector<std::size_t>& indices, bool reasoningFromSolution, const std::vector<double>& scores = {});

} // namespace wb::method
