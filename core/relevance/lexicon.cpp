// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/lexicon.h"

#include "core/relevance/lexicondata.h"

#include <array>
#include <cmath>

namespace wb::relevance {
namespace {

/// Function words and very general verbs that carry no topic. Quantity words ("more", "half") are kept out
/// of the list only when they name a quantity the problem asks about, which the encoder cannot know, so they stay.
constexpr std::string_view kStopWords[] = { "a", "about", "after", "again", "all", "also", "am", "an", "and", "another",
    "any", "are", "as", "at", "be", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "down", "during", "each", "either", "every", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
    "is", "it", "its", "itself", "just", "least", "less", "many", "may", "me", "might", "mine", "more", "most", "much",
    "must", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out",
    "over", "own", "per", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose",
    "why", "will", "with", "would", "yet", "you", "your", "yours", "s", "t", "ll", "ve", "re", "d", "m" };

struct Rule {
    std::string_view suffix;
    std::string_view replacement;
};
// WordNet morphy's detachment rules for nouns, verbs and adjectives, most specific first.
constexpr std::array<Rule, 16> kRules = { { { "ies", "y" }, { "ves", "f" }, { "ses", "s" }, { "xes", "x" },
    { "zes", "z" }, { "ches", "ch" }, { "shes", "sh" }, { "men", "man" }, { "s", "" }, { "ied", "y" }, { "ed", "e" },
    { "ed", "" }, { "ing", "e" }, { "ing", "" }, { "er", "" }, { "est", "" } } };

template <class Fn> void forEachLine(const std::string_view* chunks, std::size_t count, Fn&& fn)
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
constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t mixHash(std::uint64_t h) { return h ^ (h >> 29); }

std::uint64_t hashWord(std::string_view w)
{
    std::uint64_t h = kFnvOffset;
    for (char c : w)
        h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
    return mixHash(h);
}

} // namespace

Lexicon::WordSlot& Lexicon::wordSlot(std::string_view word, std::uint64_t hash)
{
    const std::size_t mask = m_words.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
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
    // Lines "word df flags" parsed in one pass, the word hashed while it is scanned.
    for (std::size_t c = 0; c < lexicondata::kWordChunkCount; ++c) {
        const std::string_view chunk = lexicondata::kWordChunks[c];
        const char* p = chunk.data();
        const char* const end = p + chunk.size();
        while (p < end) {
            const char* const word = p;
            std::uint64_t h = kFnvOffset;
            for (; p < end && *p != ' ' && *p != '\n'; ++p)
                h = (h ^ static_cast<unsigned char>(*p)) * kFnvPrime;
            if (p == end || *p == '\n') {
                ++p; // an empty line or one without fields
                continue;
            }
            const std::string_view key(word, std::size_t(p - word));
            ++p;
            std::uint32_t df = 0;
            for (; p < end && *p >= '0' && *p <= '9'; ++p)
                df = df * 10 + std::uint32_t(*p - '0');
            while (p < end && *p != ' ' && *p != '\n')
                ++p;
            if (p == end || *p == '\n') {
                ++p; // no flags field: not an entry
                continue;
            }
            std::uint8_t flags = 0;
            for (++p; p < end && *p != '\n'; ++p) {
                if (*p == 'n')
                    flags |= Noun;
                else if (*p == 'v')
                    flags |= Verb;
                else if (*p == 'a')
                    flags |= Adjective;
                else if (*p == 'p')
                    flags |= Person;
            }
            WordSlot& slot = wordSlot(key, mixHash(h));
            if (slot.df != 0 || slot.flags != 0)
                continue; // the first line of a repeated word wins, as a map's emplace() would have it
            slot.df = df;
            slot.flags = flags;
        }
    }
    for (std::string_view w : kStopWords)
        wordSlot(w, hashWord(w)).flags |= Stop;
    const std::size_t mask = m_exceptions.size() - 1;
    forEachLine(lexicondata::kExceptionChunks, lexicondata::kExceptionChunkCount, [this, mask](std::string_view line) {
        const std::size_t a = line.find(' ');
        if (a == std::string_view::npos)
            return;
        const std::string_view key = line.substr(0, a);
        for (std::size_t i = hashWord(key) & mask;; i = (i + 1) & mask) {
            ExceptionSlot& slot = m_exceptions[i];
            if (slot.key.data() == nullptr) {
                slot = { key, line.substr(a + 1) };
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
