// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/builtinencoder.h"

#include "core/relevance/lexicon.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace wb::relevance {
namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

std::uint64_t fnv1a(std::string_view s)
{
    std::uint64_t h = kFnvOffset;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= kFnvPrime;
    }
    return h;
}

constexpr std::size_t kMaxCachedWords = 200000;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return unsigned((c | 0x20) - 'a') < 26u; } // ASCII letters; c | 0x20 folds the case
/// Whether the lower-case word at `lower` spells the ASCII letters `letters` in any case; inlined, since a
/// memcmp call costs more than the short words of the cache.
bool sameLetters(const char* lower, std::string_view letters)
{
    for (char c : letters)
        if (*lower++ != char(c | 0x20))
            return false;
    return true;
}

/// kLowerLetter[c]: the lower-case form of an ASCII letter c (what isAlpha() accepts), 0 for any other byte;
/// one load per byte in the word scan instead of a range test and a fold.
constexpr auto kLowerLetter = [] {
    std::array<unsigned char, 256> table {};
    for (int c = 'a'; c <= 'z'; ++c) {
        table[std::size_t(c)] = static_cast<unsigned char>(c);
        table[std::size_t(c - 'a' + 'A')] = static_cast<unsigned char>(c);
    }
    return table;
}();

/// For ASCII letters only (what isAlpha() accepts): the same as std::tolower there, without the locale call.
char lowerAscii(char c) { return char(c | 0x20); }

} // namespace

BuiltinEncoder::BuiltinEncoder(float calibrationBias)
    : m_bias(calibrationBias)
{
    // The lexicon is built on first use rather than here, so that a caller can start reading its input on
    // another thread while the first encode() builds it.
}

BuiltinEncoder::WordFeature BuiltinEncoder::hashed(std::string_view feature, float weight)
{
    const std::uint64_t h = fnv1a(feature);
    WordFeature f;
    f.bucket = static_cast<std::uint32_t>(h % std::uint64_t(kDimensions - 1));
    f.weight = (h >> 63) != 0 ? -weight : weight;
    return f;
}

// Inline: called once per word, only from this file; the call cost about as much as the body.
inline void BuiltinEncoder::add(WordFeature f)
{
    if (f.weight == 0.0f)
        return; // stop words: adding zero changes no component
    if (!m_touched[f.bucket]) {
        m_touched[f.bucket] = true;
        m_buckets.push_back(f.bucket);
    }
    m_sums[f.bucket] += f.weight;
}

void BuiltinEncoder::growCache()
{
    std::vector<CacheSlot> old(m_slots.empty() ? 2048 : m_slots.size() * 2);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const CacheSlot& slot : old) {
        if (slot.length == 0)
            continue;
        std::size_t i = slot.hash & mask;
        while (m_slots[i].length != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

BuiltinEncoder::WordFeature BuiltinEncoder::wordFeature(std::string_view word, std::uint64_t h)
{
    if (m_slots.empty())
        growCache();
    std::size_t mask = m_slots.size() - 1;
    std::size_t i = h & mask;
    for (; m_slots[i].length != 0; i = (i + 1) & mask) {
        const CacheSlot& slot = m_slots[i];
        if (slot.hash == h && slot.length == word.size() && sameLetters(m_cachedWords.data() + slot.offset, word))
            return slot.feature;
    }

    m_lower.assign(word);
    for (char& letter : m_lower)
        letter = lowerAscii(letter);
    const std::string_view lowerWord = m_lower;

    const Lexicon& lex = Lexicon::instance();
    WordFeature f;
    if (lowerWord.size() >= 2 && !lex.isStopWord(lowerWord)) {
        const std::string_view base = lex.lemma(lowerWord, m_scratch);
        // sqrt dampens IDF: plain IDF lets one rare name dominate a short condition (see docs/relevance.md).
        f = hashed(base, float(std::sqrt(lex.idf(base))));
    }
    if (m_cachedCount >= kMaxCachedWords || m_cachedWords.size() + lowerWord.size() > 0xFFFFFFFFu) {
        // bound memory on unusual input; the cache only saves time
        std::fill(m_slots.begin(), m_slots.end(), CacheSlot {});
        m_cachedWords.clear();
        m_cachedCount = 0;
    }
    if ((m_cachedCount + 1) * 2 > m_slots.size())
        growCache();
    mask = m_slots.size() - 1; // the table may have been cleared or grown: look for the free slot again
    for (i = h & mask; m_slots[i].length != 0; i = (i + 1) & mask) { }
    m_slots[i] = CacheSlot { h, std::uint32_t(m_cachedWords.size()), std::uint32_t(lowerWord.size()), f };
    m_cachedWords.append(lowerWord);
    ++m_cachedCount;
    return f;
}

void BuiltinEncoder::encodeSparseOne(std::string_view text, SparseVector& out)
{
    m_buckets.clear();
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        if (isAlpha(c)) {
            // FNV-1a of the lower-cased letters, computed while scanning: a cached word needs no copy
            std::uint64_t h = kFnvOffset;
            std::size_t j = i;
            for (unsigned char lower; j < n && (lower = kLowerLetter[static_cast<unsigned char>(text[j])]) != 0; ++j)
                h = (h ^ lower) * kFnvPrime;
            add(wordFeature(text.substr(i, j - i), h));
            i = j;
        } else if (isDigit(c)) {
            m_feature.clear();
            m_feature.push_back('#');
            std::size_t j = i;
            while (j < n) {
                if (isDigit(text[j])) {
                    m_feature += text[j++];
                } else if ((text[j] == ',' || text[j] == '.') && j + 1 < n && isDigit(text[j + 1])) {
                    if (text[j] == '.')
                        m_feature += '.';
                    ++j; // thousands separators do not change the number
                } else {
                    break;
                }
            }
            i = j;
            add(hashed(m_feature, kNumberWeight));
        } else {
            ++i;
        }
    }

    // The arithmetic of the dense form step by step (float components, double norms summed in index order;
    // zero components add nothing), so that both forms agree bit for bit: normalise the content, append the
    // bias as the last component, normalise again.
    std::sort(m_buckets.begin(), m_buckets.end());
    out.indices.clear();
    out.values.clear();
    double norm = 0.0;
    for (std::uint32_t b : m_buckets)
        norm += double(m_sums[b]) * double(m_sums[b]);
    const float inverse = norm > 0.0 ? float(1.0 / std::sqrt(norm)) : 1.0f;
    double norm2 = 0.0;
    for (std::uint32_t b : m_buckets) {
        const float x = norm > 0.0 ? m_sums[b] * inverse : m_sums[b];
        m_sums[b] = 0.0f;
        m_touched[b] = false;
        norm2 += double(x) * double(x);
        out.indices.push_back(b);
        out.values.push_back(x);
    }
    norm2 += double(m_bias) * double(m_bias);
    out.indices.push_back(std::uint32_t(kDimensions - 1));
    out.values.push_back(m_bias);
    if (norm2 > 0.0) {
        const float inverse2 = float(1.0 / std::sqrt(norm2));
        for (float& x : out.values)
            x *= inverse2;
    }
    // drop components that are zero (cancelled collisions, a zero bias) as the dense form's readers would
    std::size_t kept = 0;
    for (std::size_t k = 0; k < out.values.size(); ++k) {
        if (out.values[k] != 0.0f) {
            out.indices[kept] = out.indices[k];
            out.values[kept] = out.values[k];
            ++kept;
        }
    }
    out.indices.resize(kept);
    out.values.resize(kept);
}

Vector BuiltinEncoder::encodeOne(std::string_view text)
{
    SparseVector sparse;
    encodeSparseOne(text, sparse);
    Vector v(kDimensions, 0.0f);
    for (std::size_t k = 0; k < sparse.indices.size(); ++k)
        v[sparse.indices[k]] = sparse.values[k];
    return v;
}

Result<std::vector<Vector>> BuiltinEncoder::encode(const std::vector<std::string>& texts)
{
    std::vector<Vector> out;
    out.reserve(texts.size());
    for (const std::string& t : texts)
        out.push_back(encodeOne(t));
    return out;
}

Result<void> BuiltinEncoder::encodeSparse(const std::vector<std::string_view>& texts, std::vector<SparseVector>& out)
{
    out.resize(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i)
        encodeSparseOne(texts[i], out[i]);
    return {};
}

} // namespace wb::relevance
