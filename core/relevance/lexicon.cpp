// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/lexicon.h"

#include "core/relevance/lexicondata.h"

#include <array>
#include <charconv>
#include <cmath>

namespace wb::relevance {
namespace {

/// Function words and very general verbs that carry no topic. Quantity words ("more", "half") are kept out
/// of the list only when they name a quantity the problem asks about, which the encoder cannot know, so they stay.
constexpr std::string_view kStopWords[] = {"a", "about", "after", "again", "all", "also", "am", "an",
    "and", "another", "any", "are", "as", "at", "be", "been", "before", "being", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "every", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less", "many", "may", "me", "might",
    "mine", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only",
    "or", "other", "our", "ours", "out", "over", "own", "per", "same", "shall", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "yet", "you", "your",
    "yours", "s", "t", "ll", "ve", "re", "d", "m"};

struct Rule {
    std::string_view suffix;
    std::string_view replacement;
};
// WordNet morphy's detachment rules for nouns, verbs and adjectives, most specific first.
constexpr std::array<Rule, 16> kRules = {{{"ies", "y"}, {"ves", "f"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"},
    {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"s", ""}, {"ied", "y"}, {"ed", "e"}, {"ed", ""}, {"ing", "e"},
    {"ing", ""}, {"er", ""}, {"est", ""}}};

template <class Fn>
void forEachLine(const std::string_view* chunks, std::size_t count, Fn&& fn)
{
    for (std::size_t c = 0; c < count; ++c) {
        std::string_view chunk = chunks[c];
        while (!chunk.empty()) {
            const std::size_t nl = chunk.find('\n');
            const std::string_view line = chunk.substr(0, nl);
            if (!line.empty())
                fn(line);
            if (nl == std::string_view::npos)
                break;
            chunk.remove_prefix(nl + 1);
        }
    }
}

} // namespace

const Lexicon& Lexicon::instance()
{
    static const Lexicon lexicon;
    return lexicon;
}

Lexicon::Lexicon()
{
    m_logDocs = std::log(double(lexicondata::kGlossCount) + 1.0);
    m_words.reserve(90000);
    forEachLine(lexicondata::kWordChunks, lexicondata::kWordChunkCount, [this](std::string_view line) {
        const std::size_t a = line.find(' ');
        const std::size_t b = line.find(' ', a + 1);
        if (a == std::string_view::npos || b == std::string_view::npos)
            return;
        Entry e;
        std::from_chars(line.data() + a + 1, line.data() + b, e.df);
        for (char f : line.substr(b + 1)) {
            if (f == 'n')
                e.flags |= Noun;
            else if (f == 'v')
                e.flags |= Verb;
            else if (f == 'a')
                e.flags |= Adjective;
            else if (f == 'p')
                e.flags |= Person;
        }
        m_words.emplace(line.substr(0, a), e);
    });
    for (std::string_view w : kStopWords)
        m_words[w].flags |= Stop;
    forEachLine(lexicondata::kExceptionChunks, lexicondata::kExceptionChunkCount, [this](std::string_view line) {
        const std::size_t a = line.find(' ');
        if (a != std::string_view::npos)
            m_exceptions.emplace(line.substr(0, a), line.substr(a + 1));
    });
}

double Lexicon::idf(std::string_view lowerWord) const
{
    const auto it = m_words.find(lowerWord);
    const double df = it == m_words.end() ? 0.0 : double(it->second.df);
    return m_logDocs - std::log(df + 1.0);
}

std::uint8_t Lexicon::flags(std::string_view lowerWord) const
{
    const auto it = m_words.find(lowerWord);
    return it == m_words.end() ? 0 : it->second.flags;
}

bool Lexicon::isStopWord(std::string_view lowerWord) const { return (flags(lowerWord) & Stop) != 0; }

std::string_view Lexicon::lemma(std::string_view w, std::string& scratch) const
{
    if (const auto it = m_exceptions.find(w); it != m_exceptions.end())
        return it->second;
    const bool known = isLemma(w);
    for (const Rule& rule : kRules) {
        if (w.size() <= rule.suffix.size() + 1 || w.substr(w.size() - rule.suffix.size()) != rule.suffix)
            continue;
        // Comparative rules only for words WordNet does not list ("brother" is no comparative of "broth").
        const bool comparative = rule.suffix == "er" || rule.suffix == "est";
        if (comparative && known)
            continue;
        scratch.assign(w.substr(0, w.size() - rule.suffix.size()));
        scratch += rule.replacement;
        if (isLemma(scratch))
            return scratch;
        // "stopped" -> "stopp" -> "stop": undo a doubled final consonant
        const bool verbSuffix = rule.suffix == "ed" || rule.suffix == "ing";
        if (verbSuffix && rule.replacement.empty() && scratch.size() > 2
            && scratch[scratch.size() - 1] == scratch[scratch.size() - 2]) {
            scratch.pop_back();
            if (isLemma(scratch))
                return scratch;
        }
    }
    return w;
}

} // namespace wb::relevance
