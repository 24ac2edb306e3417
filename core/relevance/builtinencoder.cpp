// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/builtinencoder.h"

#include "core/relevance/lexicon.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace wb::relevance {
namespace {

std::uint64_t fnv1a(std::string_view s)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

constexpr std::size_t kMaxCachedWords = 200000;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
/// For ASCII letters only (what isAlpha() accepts): the same as std::tolower there, without the locale call.
char lowerAscii(char c) { return char(c | 0x20); }

} // namespace

BuiltinEncoder::BuiltinEncoder(float calibrationBias)
    : m_bias(calibrationBias)
{
    (void)Lexicon::instance();
}

BuiltinEncoder::WordFeature BuiltinEncoder::hashed(std::string_view feature, float weight)
{
    const std::uint64_t h = fnv1a(feature);
    WordFeature f;
    f.bucket = static_cast<std::uint32_t>(h % std::uint64_t(kDimensions - 1));
    f.weight = (h >> 63) != 0 ? -weight : weight;
    return f;
}

void BuiltinEncoder::add(WordFeature f)
{
    if (f.weight == 0.0f)
        return; // stop words: adding zero changes no component
    if (!m_touched[f.bucket]) {
        m_touched[f.bucket] = true;
        m_buckets.push_back(f.bucket);
    }
    m_sums[f.bucket] += f.weight;
}

const BuiltinEncoder::WordFeature& BuiltinEncoder::wordFeature(std::string_view lowerWord)
{
    if (const auto it = m_wordCache.find(lowerWord); it != m_wordCache.end())
        return it->second;
    if (m_wordCache.size() > kMaxCachedWords)
        m_wordCache.clear(); // bound memory on unusual input; the cache only saves time
    const Lexicon& lex = Lexicon::instance();
    WordFeature f;
    if (lowerWord.size() >= 2 && !lex.isStopWord(lowerWord)) {
        const std::string_view base = lex.lemma(lowerWord, m_scratch);
        // sqrt dampens IDF: plain IDF lets one rare name dominate a short condition (see docs/relevance.md).
        f = hashed(base, float(std::sqrt(lex.idf(base))));
    }
    return m_wordCache.emplace(std::string(lowerWord), f).first->second;
}

void BuiltinEncoder::encodeSparseOne(std::string_view text, SparseVector& out)
{
    m_buckets.clear();
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        if (isAlpha(c)) {
            std::size_t j = i;
            m_lower.clear();
            while (j < n && isAlpha(text[j]))
                m_lower += lowerAscii(text[j++]);
            i = j;
            add(wordFeature(m_lower));
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
