// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/problem.h"
#include "core/relevance/relevance.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace wb::relevance {

/// Dataset-level figures of a relevance analysis (`i3c inspect --summary`, benchmarks, docs/relevance.md).
/// Rates are NaN when nothing was there to measure (written as null in JSON).
struct RelevanceSummary {
    std::string encoderId;
    double theta = kDefaultTheta;
    std::size_t problems = 0;
    std::size_t conditions = 0;
    std::size_t candidates = 0; ///< = verification LLM calls
    std::size_t problemsWithoutCandidates = 0; ///< problems that run with the fallback instruction
    double meanCandidates = 0.0;
    double meanConfusion = 0.0; ///< mean confusion score over problems with conditions

    std::size_t annotatedProblems = 0; ///< problems with at least one gold irrelevant condition
    std::size_t lowestIsGold = 0; ///< ... whose least relevant condition (combined score) is gold
    double lowestIsGoldRate = 0.0;
    std::size_t lowestSqIsGold = 0; ///< ... whose lowest-s(q) condition is gold (the paper's own score)
    double lowestSqIsGoldRate = 0.0;
    std::size_t goldIrrelevant = 0; ///< gold irrelevant conditions in total
    std::size_t goldInCandidates = 0; ///< ... of which the candidate set holds
    double goldRecall = 0.0;

    std::size_t referencePairs = 0; ///< conditions with a stored reference s(q) (I3C files)
    double pearsonVsReference = 0.0; ///< Pearson r of s(q) against the stored reference

    std::size_t segmentationCompared = 0; ///< problems with a source segmentation and a text
    std::size_t segmentationAgreeing = 0; ///< ... where segmentText() agrees (alphanumerics only, check C6)
    double segmentationAgreement = 0.0;
};

/// Accumulates per-problem reports into a RelevanceSummary. Cheap per call; feed problems in any order.
class SummaryAccumulator {
public:
    void add(const dataset::Problem& problem, const RelevanceReport& report);
    RelevanceSummary summary() const;

private:
    RelevanceSummary m_s;
    double m_confusionSum = 0.0;
    std::size_t m_confusionCount = 0;
    double m_sx = 0.0, m_sy = 0.0, m_sxx = 0.0, m_syy = 0.0, m_sxy = 0.0;
};

/// snake_case keys ("mean_candidates", "least_relevant_is_gold_rate", ...), NaN rates as null.
nlohmann::json toJson(const RelevanceSummary& summary);

} // namespace wb::relevance
