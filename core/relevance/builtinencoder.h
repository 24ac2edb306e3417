// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/relevance/encoder.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
    /// One entry of the word cache: an open-addressing table keyed by the word's FNV-1a hash, words kept in
    /// one arena string (no allocation per word, no std::hash pass over each token).
    struct CacheSlot {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0;
        std::uint32_t length = 0; ///< 0 marks an empty slot (cached words are never empty)
        WordFeature feature;
    };

    static WordFeature hashed(std::string_view feature, float weight);
    /// The feature of the ASCII-letter run `word` (any case), whose lower-case FNV-1a hash is `hash`.
    WordFeature wordFeature(std::string_view word, std::uint64_t hash);
    void growCache();
    void add(WordFeature f);

    /// Per-bucket sums of the text being encoded; all zero between calls (only touched buckets are reset).
    std::array<float, kDimensions> m_sums {};
    std::array<bool, kDimensions> m_touched {};
    std::vector<std::uint32_t> m_buckets; ///< touched buckets of the text being encoded

    std::vector<CacheSlot> m_slots; ///< size a power of two, at most half full
    std::string m_cachedWords;
    std::size_t m_cachedCount = 0;
    std::string m_lower;
    std::string m_scratch;
    std::string m_feature;
    float m_bias;
};

} // namespace wb::relevance
