// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wb::relevance {

/// English word knowledge for the built-in encoder: WordNet document frequencies, parts of speech, person nouns,
/// a stop-word list and a WordNet-style lemmatiser (exception lists + suffix rules checked against the lemma set).
/// Built once from the compiled-in table; immutable and safe to share between threads afterwards.
class Lexicon {
public:
    enum Flag : std::uint8_t { Noun = 1, Verb = 2, Adjective = 4, Person = 8, Stop = 16 };

    /// The process-wide instance (built on first use, a few tens of milliseconds).
    static const Lexicon& instance();

    /// Inverse document frequency ln((N+1)/(df+1)) over WordNet glosses; unknown words get the maximum.
    double idf(std::string_view lowerWord) const;
    /// Flags of a lower-case lemma (0 when unknown).
    std::uint8_t flags(std::string_view lowerWord) const;
    bool isLemma(std::string_view lowerWord) const { return (flags(lowerWord) & (Noun | Verb | Adjective)) != 0; }
    bool isStopWord(std::string_view lowerWord) const;
    /// Base form of a lower-case word ("cats" -> "cat", "bought" -> "buy"); the word itself when none is found.
    std::string_view lemma(std::string_view lowerWord, std::string& scratch) const;

private:
    Lexicon();
    /// Open-addressing slot (linear probing) keyed by a view into the static lexicon data: one allocation for
    /// the whole table instead of one node per word, which made building and tearing down the lexicon costly.
    struct WordSlot {
        const char* key = nullptr;
        std::uint32_t df = 0;
        std::uint16_t length = 0;
        std::uint8_t flags = 0;
    };
    struct ExceptionSlot {
        std::string_view key;
        std::string_view lemma;
    };
    WordSlot& wordSlot(std::string_view word, std::uint64_t hash);
    const WordSlot* findWord(std::string_view word) const;
    std::vector<WordSlot> m_words;
    std::vector<ExceptionSlot> m_exceptions;
    double m_logDocs = 0.0;
};

} // namespace wb::relevance
