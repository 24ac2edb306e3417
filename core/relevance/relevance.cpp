// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/relevance.h"

#include "core/common/text.h"
#include "core/relevance/actorcues.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

namespace wb::relevance {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// 1 / |v| of a sparse vector, summed in index order like a dense norm; 0 for a zero vector, which is then
/// unrelated to everything (cosine 0).
double inverseNorm(const SparseVector& v)
{
    double norm = 0.0;
    for (float x : v.values)
        norm += double(x) * double(x);
    return norm > 0.0 ? 1.0 / std::sqrt(norm) : 0.0;
}

/// Buffers of analyse(), kept per thread so that scoring a problem allocates only what the report keeps.
struct Workspace {
    std::vector<std::string_view> texts;
    std::vector<SparseVector> vectors;
    std::vector<double> inverseNorms;
    std::vector<double> row; ///< the components of one vector spread out densely, zero elsewhere
};

/// Dot product of the vector spread out in `row` with `v`. Summed over v's non-zero components in index order:
/// the products left out are exact zeros, so this equals the dense dot product bit for bit.
double dotWithRow(const std::vector<double>& row, const SparseVector& v)
{
    double dot = 0.0;
    for (std::size_t k = 0; k < v.indices.size(); ++k)
        dot += row[v.indices[k]] * double(v.values[k]);
    return dot;
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

Result<RelevanceReport> analyse(
    Encoder& encoder, const std::vector<std::string>& conditions, const std::string& question, double theta)
{
    thread_local Workspace w;
    const std::size_t n = conditions.size();
    w.texts.assign(conditions.begin(), conditions.end());
    w.texts.push_back(question);
    if (Result<void> encoded = encoder.encodeSparse(w.texts, w.vectors); !encoded)
        return encoded.error();
    if (w.vectors.size() != n + 1)
        return makeError(ErrorCode::Internal,
            "encoder returned " + std::to_string(w.vectors.size()) + " vectors for " + std::to_string(n + 1) + " texts",
            encoder.id());
    w.inverseNorms.resize(n + 1);
    std::uint32_t dimensions = 0;
    for (std::size_t i = 0; i <= n; ++i) {
        w.inverseNorms[i] = inverseNorm(w.vectors[i]);
        if (!w.vectors[i].indices.empty())
            dimensions = std::max(dimensions, w.vectors[i].indices.back() + 1);
    }
    if (w.row.size() < dimensions)
        w.row.resize(dimensions, 0.0);

    RelevanceReport r;
    r.encoderId = encoder.id();
    r.theta = theta;
    r.sq.resize(n);
    r.sc.assign(n, kNaN);
    r.matrix.assign(n, std::vector<double>(n, 1.0));
    for (std::size_t i = 0; i < n; ++i) {
        const SparseVector& vi = w.vectors[i];
        for (std::size_t k = 0; k < vi.indices.size(); ++k)
            w.row[vi.indices[k]] = double(vi.values[k]);
        // (dot * |c_i|^-1) * |x|^-1: the order of the dense computation, so the scores do not move in the last bit
        r.sq[i] = dotWithRow(w.row, w.vectors[n]) * w.inverseNorms[i] * w.inverseNorms[n];
        for (std::size_t j = i + 1; j < n; ++j)
            r.matrix[i][j] = r.matrix[j][i] = dotWithRow(w.row, w.vectors[j]) * w.inverseNorms[i] * w.inverseNorms[j];
        for (std::uint32_t index : vi.indices)
            w.row[index] = 0.0;
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
