// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/relevance/encoder.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace wb::relevance {

/// Offline, deterministic encoder: IDF-weighted bag of lemmas and numbers, hashed into kDimensions - 1 components.
///
/// - Tokens: letter runs (lower-cased, stop words dropped, lemmatised with WordNet's exception lists and
///   suffix rules) weighted by tf * sqrt(idf), idf from WordNet 3.0 gloss document frequencies; digit runs
///   ("1,200", "2.5") as number features of fixed weight kNumberWeight.
/// - Each feature goes to one of kDimensions - 1 buckets by a 64-bit FNV-1a hash, with a hashed sign, so collisions
///   cancel out on average instead of adding up.
/// - Calibration: the content vector is normalised to 1, then a last constant component kCalibrationBias is appended
///   and the result normalised again. For two texts this maps the lexical cosine c to
///   (c + b^2) / (1 + b^2): a monotone, affine rescaling that lifts unrelated texts (c = 0) to b^2/(1+b^2) so
///   that the paper's theta = 0.5 selects about as many candidates as its SimCSE scores do (docs/relevance.md).
/// No network, no model files; encoding 1,000 short texts takes about a millisecond. The vectors are built in
/// sparse form (encodeSparse()); encode() spreads the same components out into dense vectors.
class BuiltinEncoder final : public Encoder {
public:
    static constexpr int kDimensions = 1024;
    static constexpr float kNumberWeight = 2.0f;
    static constexpr float kCalibrationBias = 0.5f;

    explicit BuiltinEncoder(float calibrationBias = kCalibrationBias);
    std::string id() const override { return "builtin-v1"; }
    Result<std::vector<Vector>> encode(const std::vector<std::string>& texts) override;
    Result<void> encodeSparse(const std::vector<std::string_view>& texts, std::vector<SparseVector>& out) override;

    /// The vector of one text (what encode() returns per element).
    Vector encodeOne(std::string_view text);
    /// The same vector in sparse form: bit-identical components, zeros left out.
    void encodeSparseOne(std::string_view text, SparseVector& out);

private:
    /// What a lower-case word contributes: a signed weight in one bucket (weight 0 for stop words).
    struct WordFeature {
        std::uint32_t bucket = 0;
        float weight = 0.0f;
    };
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    static WordFeature hashed(std::string_view feature, float weight);
    const WordFeature& wordFeature(std::string_view lowerWord);
    void add(WordFeature f);

    /// Per-bucket sums of the text being encoded; all zero between calls (only touched buckets are reset).
    std::array<float, kDimensions> m_sums {};
    std::array<bool, kDimensions> m_touched {};
    std::vector<std::uint32_t> m_buckets; ///< touched buckets of the text being encoded

    std::unordered_map<std::string, WordFeature, StringHash, std::equal_to<>> m_wordCache;
    std::string m_lower;
    std::string m_scratch;
    std::string m_feature;
    float m_bias;
};

} // namespace wb::relevance
