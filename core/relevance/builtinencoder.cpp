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

constexpr std::size_t kMaxCachedLemmas = 200000;

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

void BuiltinEncoder::addFeature(Vector& v, std::string_view feature, float weight) const
{
    const std::uint64_t h = fnv1a(feature);
    const std::size_t bucket = static_cast<std::size_t>(h % std::uint64_t(kDimensions));
    const float sign = (h >> 63) != 0 ? -1.0f : 1.0f;
    v[bucket] += sign * weight;
}

std::string_view BuiltinEncoder::lemmaOf(std::string_view lowerWord)
{
    m_word.assign(lowerWord);
    if (const auto it = m_lemmaCache.find(m_word); it != m_lemmaCache.end())
        return it->second;
    if (m_lemmaCache.size() > kMaxCachedLemmas)
        m_lemmaCache.clear(); // bound memory on unusual input; the cache only saves time
    const std::string_view base = Lexicon::instance().lemma(lowerWord, m_scratch);
    return m_lemmaCache.emplace(m_word, std::string(base)).first->second;
}

Vector BuiltinEncoder::encodeOne(std::string_view text)
{
    const Lexicon& lex = Lexicon::instance();
    Vector v(kDimensions, 0.0f);
    v.reserve(kDimensions + 1); // one extra component carries the calibration bias
    std::string lower;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        if (isAlpha(c)) {
            std::size_t j = i;
            lower.clear();
            while (j < n && isAlpha(text[j]))
                lower += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j++])));
            i = j;
            if (lower.size() < 2 || lex.isStopWord(lower))
                continue;
            const std::string_view base = lemmaOf(lower);
            addFeature(v, base, float(lex.idf(base)));
        } else if (isDigit(c)) {
            m_feature.assign("#");
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
