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

/// Table sizes: powers of two at most two thirds full for the generated data (about 86,000 words and 5,600
/// exceptions), so that linear probing stays short.
constexpr std::size_t kWordSlots = std::size_t(1) << 17;
constexpr std::size_t kExceptionSlots = std::size_t(1) << 14;

/// FNV-1a: words are short, and the table only needs a well-spread index.
std::uint64_t hashWord(std::string_view w)
{
    std::uint64_t h = 14695981039346656037ull;
    for (char c : w) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

} // namespace

Lexicon::WordSlot& Lexicon::wordSlot(std::string_view word)
{
    const std::size_t mask = m_words.size() - 1;
    for (std::size_t i = hashWord(word) & mask;; i = (i + 1) & mask) {
        WordSlot& slot = m_words[i];
        if (slot.key == nullptr) {
            slot.key = word.data();
            slot.length = static_cast<std::uint16_t>(word.size());
            return slot;
        }
        if (std::string_view(slot.key, slot.length) == word)
            return slot;
    }
}

const Lexicon::WordSlot* Lexicon::findWord(std::string_view word) const
{
    const std::size_t mask = m_words.size() - 1;
    for (std::size_t i = hashWord(word) & mask;; i = (i + 1) & mask) {
        const WordSlot& slot = m_words[i];
        if (slot.key == nullptr)
            return nullptr;
        if (slot.length == word.size() && std::string_view(slot.key, slot.length) == word)
            return &slot;
    }
}

const Lexicon& Lexicon::instance()
{
    static const Lexicon lexicon;
    return lexicon;
}

Lexicon::Lexicon()
{
    m_logDocs = std::log(double(lexicondata::kGlossCount) + 1.0);
    m_words.resize(kWordSlots);
    m_exceptions.resize(kExceptionSlots);
    forEachLine(lexicondata::kWordChunks, lexicondata::kWordChunkCount, [this](std::string_view line) {
        const std::size_t a = line.find(' ');
        const std::size_t b = line.find(' ', a + 1);
        if (a == std::string_view::npos || b == std::string_view::npos)
            return;
        WordSlot& slot = wordSlot(line.substr(0, a));
        if (slot.df != 0 || slot.flags != 0)
            return; // the first line of a repeated word wins, as a map's emplace() would have it
        std::uint32_t df = 0;
        std::from_chars(line.data() + a + 1, line.data() + b, df);
        std::uint8_t flags = 0;
        for (char f : line.substr(b + 1)) {
            if (f == 'n')
                flags |= Noun;
            else if (f == 'v')
                flags |= Verb;
            else if (f == 'a')
                flags |= Adjective;
            else if (f == 'p')
                flags |= Person;
        }
        slot.df = df;
        slot.flags = flags;
    });
    for (std::string_view w : kStopWords)
        wordSlot(w).flags |= Stop;
    const std::size_t mask = m_exceptions.size() - 1;
    forEachLine(lexicondata::kExceptionChunks, lexicondata::kExceptionChunkCount, [this, mask](std::string_view line) {
        const std::size_t a = line.find(' ');
        if (a == std::string_view::npos)
            return;
        const std::string_view key = line.substr(0, a);
        for (std::size_t i = hashWord(key) & mask;; i = (i + 1) & mask) {
            ExceptionSlot& slot = m_exceptions[i];
            if (slot.key.data() == nullptr) {
                slot = {key, line.substr(a + 1)};
                break;
            }
            if (slot.key == key)
                break; // first line wins
        }
    });
}

double Lexicon::idf(std::string_view lowerWord) const
{
    const WordSlot* slot = findWord(lowerWord);
    const double df = slot == nullptr ? 0.0 : double(slot->df);
    return m_logDocs - std::log(df + 1.0);
}

std::uint8_t Lexicon::flags(std::string_view lowerWord) const
{
    const WordSlot* slot = findWord(lowerWord);
    return slot == nullptr ? 0 : slot->flags;
}

bool Lexicon::isStopWord(std::string_view lowerWord) const { return (flags(lowerWord) & Stop) != 0; }

std::string_view Lexicon::lemma(std::string_view w, std::string& scratch) const
{
    const std::size_t mask = m_exceptions.size() - 1;
    for (std::size_t i = hashWord(w) & mask; m_exceptions[i].key.data() != nullptr; i = (i + 1) & mask)
        if (m_exceptions[i].key == w)
            return m_exceptions[i].lemma;
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
