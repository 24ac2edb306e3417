// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/relevance.h"

#include "core/common/text.h"
#include "core/relevance/actorcues.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace wb::relevance {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A vector's inverse norm and the positions of its non-zero components. Lexical encoders give a few dozen
/// non-zeros out of a thousand, so dot products over the sparser side are much cheaper; dense vectors
/// (embedding endpoints) simply list every position.
struct SparseView {
    const Vector* values = nullptr;
    double inverseNorm = 0.0; ///< 0 for a zero vector, which is then unrelated to everything (cosine 0)
    std::vector<std::uint32_t> nonZero;
};

SparseView view(const Vector& v)
{
    SparseView s;
    s.values = &v;
    double norm = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] != 0.0f) {
            norm += double(v[i]) * double(v[i]);
            s.nonZero.push_back(std::uint32_t(i));
        }
    }
    s.inverseNorm = norm > 0.0 ? 1.0 / std::sqrt(norm) : 0.0;
    return s;
}

double cosine(const SparseView& a, const SparseView& b)
{
    const SparseView& sparse = a.nonZero.size() <= b.nonZero.size() ? a : b;
    const Vector& other = *(&sparse == &a ? b : a).values;
    const Vector& mine = *sparse.values;
    double dot = 0.0;
    for (std::uint32_t i : sparse.nonZero)
        if (i < other.size())
            dot += double(mine[i]) * double(other[i]);
    return dot * a.inverseNorm * b.inverseNorm;
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
    const std::size_t n = conditions.size();
    if (encoded->size() != n + 1)
        return Error{ErrorCode::Internal,
            "encoder returned " + std::to_string(encoded->size()) + " vectors for " + std::to_string(n + 1) + " texts",
            encoder.id()};
    std::vector<SparseView> v;
    v.reserve(n + 1);
    for (const Vector& x : *encoded)
        v.push_back(view(x));

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
