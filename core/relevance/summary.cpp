// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/summary.h"

#include "core/common/text.h"
#include "core/segment/segmenter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wb::relevance {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(std::size_t a, std::size_t b) { return b == 0 ? kNaN : double(a) / double(b); }

bool agreesWithSource(const dataset::Problem& p)
{
    const segment::Segmentation s = segment::segmentText(p.text);
    if (s.conditions.size() != p.conditions.size() || wb::text::alnumKey(s.question) != wb::text::alnumKey(p.question))
        return false;
    for (std::size_t i = 0; i < s.conditions.size(); ++i)
        if (wb::text::alnumKey(s.conditions[i]) != wb::text::alnumKey(p.conditions[i]))
            return false;
    return true;
}

nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

} // namespace

void SummaryAccumulator::add(const dataset::Problem& problem, const RelevanceReport& report)
{
    if (m_s.problems == 0) {
        m_s.encoderId = report.encoderId;
        m_s.theta = report.theta;
    }
    ++m_s.problems;
    m_s.conditions += report.sq.size();
    m_s.candidates += report.candidates.size();
    if (report.candidates.empty())
        ++m_s.problemsWithoutCandidates;
    if (std::isfinite(report.confusionScore)) {
        m_confusionSum += report.confusionScore;
        ++m_confusionCount;
    }

    if (problem.hasGoldAnnotation && !problem.goldIrrelevant.empty()) {
        const auto& gold = problem.goldIrrelevant;
        ++m_s.annotatedProblems;
        if (std::find(gold.begin(), gold.end(), report.leastRelevant) != gold.end())
            ++m_s.lowestIsGold;
        const auto lowestSq = std::min_element(report.sq.begin(), report.sq.end());
        if (lowestSq != report.sq.end()
            && std::find(gold.begin(), gold.end(), int(lowestSq - report.sq.begin())) != gold.end())
            ++m_s.lowestSqIsGold;
        for (int g : gold) {
            ++m_s.goldIrrelevant;
            if (std::find(report.candidates.begin(), report.candidates.end(), g) != report.candidates.end())
                ++m_s.goldInCandidates;
        }
    }

    if (problem.referenceSq.size() == report.sq.size()) {
        for (std::size_t i = 0; i < report.sq.size(); ++i) {
            const double x = report.sq[i];
            const double y = problem.referenceSq[i];
            if (!std::isfinite(x) || !std::isfinite(y))
                continue;
            ++m_s.referencePairs;
            m_sx += x;
            m_sy += y;
            m_sxx += x * x;
            m_syy += y * y;
            m_sxy += x * y;
        }
    }

    if (problem.segmentationFromSource && !problem.text.empty()) {
        ++m_s.segmentationCompared;
        if (agreesWithSource(problem))
            ++m_s.segmentationAgreeing;
    }
}

RelevanceSummary SummaryAccumulator::summary() const
{
    RelevanceSummary s = m_s;
    s.meanCandidates = ratio(s.candidates, s.problems);
    s.meanConfusion = m_confusionCount == 0 ? kNaN : m_confusionSum / double(m_confusionCount);
    s.lowestIsGoldRate = ratio(s.lowestIsGold, s.annotatedProblems);
    s.lowestSqIsGoldRate = ratio(s.lowestSqIsGold, s.annotatedProblems);
    s.goldRecall = ratio(s.goldInCandidates, s.goldIrrelevant);
    s.segmentationAgreement = ratio(s.segmentationAgreeing, s.segmentationCompared);
    s.pearsonVsReference = kNaN;
    if (s.referencePairs >= 2) {
        const double n = double(s.referencePairs);
        const double cov = m_sxy - m_sx * m_sy / n;
        const double vx = m_sxx - m_sx * m_sx / n;
        const double vy = m_syy - m_sy * m_sy / n;
        if (vx > 0.0 && vy > 0.0)
            s.pearsonVsReference = cov / std::sqrt(vx * vy);
    }
    return s;
}

nlohmann::json toJson(const RelevanceSummary& s)
{
    return nlohmann::json {
        { "encoder", s.encoderId },
        { "theta", s.theta },
        { "problems", s.problems },
        { "conditions", s.conditions },
        { "candidates", s.candidates },
        { "problems_without_candidates", s.problemsWithoutCandidates },
        { "mean_candidates", number(s.meanCandidates) },
        { "mean_confusion_score", number(s.meanConfusion) },
        { "annotated_problems", s.annotatedProblems },
        { "least_relevant_is_gold", s.lowestIsGold },
        { "least_relevant_is_gold_rate", number(s.lowestIsGoldRate) },
        { "lowest_sq_is_gold", s.lowestSqIsGold },
        { "lowest_sq_is_gold_rate", number(s.lowestSqIsGoldRate) },
        { "gold_irrelevant", s.goldIrrelevant },
        { "gold_in_candidates", s.goldInCandidates },
        { "gold_recall", number(s.goldRecall) },
        { "reference_pairs", s.referencePairs },
        { "pearson_vs_reference_sq", number(s.pearsonVsReference) },
        { "segmentation_compared", s.segmentationCompared },
        { "segmentation_agreeing", s.segmentationAgreeing },
        { "segmentation_agreement", number(s.segmentationAgreement) },
    };
}

} // namespace wb::relevance
