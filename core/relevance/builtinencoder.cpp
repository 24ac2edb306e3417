// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/builtinencoder.h"

#include "core/relevance/lexicon.h"

#include <cctype>
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

void normalise(Vector& v)
{
    double norm = 0.0;
    for (float x : v)
        norm += double(x) * double(x);
    if (norm <= 0.0)
        return;
    const float inv = float(1.0 / std::sqrt(norm));
    for (float& x : v)
        x *= inv;
}

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

void BuiltinEncoder::addFeature(Vector& v, std::string_view feature, float weight)
{
    const WordFeature f = hashed(feature, weight);
    v[f.bucket] += f.weight;
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

Vector BuiltinEncoder::encodeOne(std::string_view text)
{
    // kDimensions - 1 hashed content components; the last one carries the calibration bias.
    Vector v(kDimensions - 1, 0.0f);
    v.reserve(kDimensions);
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        if (isAlpha(c)) {
            std::size_t j = i;
            m_lower.clear();
            while (j < n && isAlpha(text[j]))
                m_lower += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j++])));
            i = j;
            const WordFeature& f = wordFeature(m_lower);
            v[f.bucket] += f.weight;
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
            addFeature(v, m_feature, kNumberWeight);
        } else {
            ++i;
        }
    }
    normalise(v);
    v.push_back(m_bias);
    normalise(v);
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

} // namespace wb::relevance
