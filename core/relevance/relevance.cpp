// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/relevance.h"

#include "core/common/text.h"
#include "core/relevance/actorcues.h"

#include <cmath>
#include <limits>

namespace wb::relevance {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double cosine(const Vector& a, const Vector& b)
{
    const std::size_t n = std::min(a.size(), b.size());
    double dot = 0.0;
    double na = 0.0;
    double nb = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        dot += double(a[i]) * double(b[i]);
        na += double(a[i]) * double(a[i]);
        nb += double(b[i]) * double(b[i]);
    }
    if (na <= 0.0 || nb <= 0.0)
        return 0.0;
    return dot / std::sqrt(na * nb);
}

} // namespace

std::vector<int> selectCandidates(const std::vector<std::string>& conditions, const std::vector<double>& sq,
    const std::vector<double>& sc, double theta)
{
    std::vector<int> out;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        if (!wb::text::containsDigit(conditions[i]))
            continue;
        const double q = i < sq.size() ? sq[i] : kNaN;
        const double c = i < sc.size() ? sc[i] : kNaN;
        // NaN compares false, so an unknown or undefined score never makes a candidate.
        if (c < theta || q < theta)
            out.push_back(int(i));
    }
    return out;
}

std::vector<double> combinedRelevance(
    const std::vector<double>& sq, const std::vector<double>& sc, const std::vector<int>& newActors)
{
    std::vector<double> out(sq.size(), 0.0);
    for (std::size_t i = 0; i < sq.size(); ++i) {
        const double c = i < sc.size() && !std::isnan(sc[i]) ? sc[i] : 0.0;
        const bool novel = i < newActors.size() && newActors[i] > 0;
        out[i] = sq[i] + c - (novel ? kNewActorPenalty : 0.0);
    }
    return out;
}

double confusionScore(const std::vector<double>& sq)
{
    if (sq.empty())
        return kNaN;
    double sum = 0.0;
    for (double v : sq)
        sum += v;
    return sum / double(sq.size());
}

Result<RelevanceReport> analyse(Encoder& encoder, const std::vector<std::string>& conditions,
    const std::string& question, double theta)
{
    std::vector<std::string> texts = conditions;
    texts.push_back(question);
    Result<std::vector<Vector>> encoded = encoder.encode(texts);
    if (!encoded)
        return encoded.error();
    const std::vector<Vector>& v = *encoded;
    const std::size_t n = conditions.size();
    if (v.size() != n + 1)
        return Error{ErrorCode::Internal,
            "encoder returned " + std::to_string(v.size()) + " vectors for " + std::to_string(n + 1) + " texts",
            encoder.id()};

    RelevanceReport r;
    r.encoderId = encoder.id();
    r.theta = theta;
    r.sq.resize(n);
    r.sc.assign(n, kNaN);
    r.matrix.assign(n, std::vector<double>(n, 1.0));
    for (std::size_t i = 0; i < n; ++i) {
        r.sq[i] = cosine(v[i], v[n]);
        for (std::size_t j = i + 1; j < n; ++j)
            r.matrix[i][j] = r.matrix[j][i] = cosine(v[i], v[j]);
    }
    if (n > 1) {
        for (std::size_t i = 0; i < n; ++i) {
            double sum = 0.0;
            for (std::size_t j = 0; j < n; ++j)
                if (j != i)
                    sum += r.matrix[i][j];
            r.sc[i] = sum / double(n - 1);
        }
    }
    r.candidates = selectCandidates(conditions, r.sq, r.sc, theta);
    r.confusionScore = confusionScore(r.sq);
    r.newActors = newActorCounts(conditions, question);
    r.combined = combinedRelevance(r.sq, r.sc, r.newActors);
    for (std::size_t i = 0; i < n; ++i)
        if (r.leastRelevant < 0 || r.combined[i] < r.combined[std::size_t(r.leastRelevant)])
            r.leastRelevant = int(i);
    return r;
}

} // namespace wb::relevance
