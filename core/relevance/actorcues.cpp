// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/actorcues.h"

#include "core/relevance/lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace wb::relevance {
namespace {

/// Capitalised words that name no actor: days, months, deictic time words, indefinite pronouns.
constexpr std::array<std::string_view, 30> kNonActors
    = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
          "april", "may", "june", "july", "august", "september", "october", "november", "december", "today", "tomorrow",
          "yesterday", "tonight", "everyone", "everybody", "someone", "somebody", "nobody", "anyone", "anybody" };
constexpr std::array<std::string_view, 10> kTitles
    = { "mr", "mrs", "ms", "dr", "miss", "uncle", "aunt", "officer", "professor", "grandma" };
constexpr std::array<std::string_view, 16> kAuxiliaries = { "has", "have", "had", "is", "was", "are", "were", "does",
    "did", "will", "can", "would", "could", "should", "wants", "owns" };

template <std::size_t N> bool contains(const std::array<std::string_view, N>& list, std::string_view w)
{
    return std::find(list.begin(), list.end(), w) != list.end();
}

/// kListedShape[first letter][length]: whether a word of kTitles or kNonActors has that shape, so that most
/// capitalised words (names) skip the 40 comparisons with the two lists.
constexpr auto kListedShape = [] {
    std::array<std::array<bool, 16>, 26> table {};
    for (std::string_view w : kTitles)
        table[std::size_t(w.front() - 'a')][w.size()] = true;
    for (std::string_view w : kNonActors)
        table[std::size_t(w.front() - 'a')][w.size()] = true;
    return table;
}();

/// contains(kTitles, w) || contains(kNonActors, w) for a lower-case ASCII word.
bool isTitleOrNonActor(std::string_view w)
{
    if (w.empty() || w.size() >= 16 || w.front() < 'a' || w.front() > 'z'
        || !kListedShape[std::size_t(w.front() - 'a')][w.size()])
        return false;
    return contains(kTitles, w) || contains(kNonActors, w);
}

bool isAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

struct Token {
    std::string_view lower; ///< into the workspace's lower-cased copy of the texts
    bool capitalised = false;
    bool possessive = false; ///< followed by "'s" or "'"
    bool allCaps = false; ///< acronym or unit ("FICA", "GB"): not a person
};

/// Buffers reused from problem to problem: this runs for every problem of a dataset.
struct Workspace {
    std::string lowered; ///< lower-cased copies of the tokens that have capitals
    std::vector<Token> tokens; ///< the tokens of all texts
    std::vector<std::size_t> firstToken; ///< per text: index of its first token; one more entry at the end
    std::vector<std::string_view> capitalisedElsewhere;
    std::vector<std::vector<std::string>> actors;
    std::vector<std::string> seen;
    std::string scratch;
};

/// Appends the tokens of `text` to w.tokens. Letters are ASCII letters (what std::isalpha accepts in the "C"
/// and UTF-8 locales for a single byte). Token views point into `text` or into w.lowered, which must have
/// room for all texts, so that appending never moves it.
void tokenize(const std::string& text, Workspace& w)
{
    // kLetter[c]: 0 for a non-letter, 1 for a lower-case and 2 for an upper-case ASCII letter
    static constexpr auto kLetter = [] {
        std::array<std::uint8_t, 256> table {};
        for (int c = 'a'; c <= 'z'; ++c) {
            table[std::size_t(c)] = 1;
            table[std::size_t(c - 'a' + 'A')] = 2;
        }
        return table;
    }();
    const char* const bytes = text.data(); // a local pointer: the loops need not reload it from `text`
    const auto letter = [bytes](std::size_t k) { return kLetter[static_cast<unsigned char>(bytes[k])]; };
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        if (letter(i) == 0) {
            ++i;
            continue;
        }
        Token t;
        t.capitalised = letter(i) == 2;
        const std::size_t start = i;
        std::size_t upper = 0;
        // text[n] is the string's terminating '\0', no letter: the run ends there without a bounds test
        for (std::uint8_t kind; (kind = letter(i)) != 0; ++i)
            upper += kind >> 1;
        if (upper == 0) {
            t.lower = std::string_view(text).substr(start, i - start); // already lower case: no copy
        } else {
            // w.lowered has room for every text, so earlier views into it stay valid
            const std::size_t at = w.lowered.size();
            for (std::size_t k = start; k < i; ++k)
                w.lowered += char(text[k] | 0x20);
            t.lower = std::string_view(w.lowered.data() + at, i - start);
        }
        t.allCaps = t.lower.size() >= 2 && upper == t.lower.size();
        // Possessive "'s" / "s'" with an ASCII or a typographic (U+2019) apostrophe.
        if (i >= n || (text[i] != '\'' && text[i] != '\xE2')) {
            w.tokens.push_back(t);
            continue;
        }
        const bool typographic = i + 2 < n && text[i] == '\xE2' && text[i + 1] == '\x80' && text[i + 2] == '\x99';
        const std::size_t apostrophe = i < n && text[i] == '\'' ? 1 : (typographic ? 3 : 0);
        if (apostrophe != 0) {
            const std::size_t a = i + apostrophe;
            const bool s = a < n && (text[a] == 's' || text[a] == 'S') && !(a + 1 < n && letter(a + 1) != 0);
            t.possessive = s || (a < n && isAsciiSpace(text[a]) && t.lower.back() == 's');
            i = s ? a + 1 : a;
        }
        w.tokens.push_back(t);
    }
}

/// A verb form that can follow a name: an auxiliary, or an inflected WordNet verb ("bought", "sees").
bool verbish(const Token& t, std::string& scratch)
{
    if (contains(kAuxiliaries, t.lower))
        return true;
    const Lexicon& lex = Lexicon::instance();
    const std::string_view base = lex.lemma(t.lower, scratch);
    if (base == t.lower || (lex.flags(base) & Lexicon::Verb) == 0)
        return false;
    // participles and comparatives ("Exercising for an hour", "Bigger boxes") open sentences without a name
    const std::string_view w = t.lower;
    return !w.ends_with("ing") && !w.ends_with("er") && !w.ends_with("est");
}

/// Actors named in one text (tokens toks[0, count)), in order of appearance, into `out`.
void actorsIn(const Token* toks, std::size_t count, const std::vector<std::string_view>& capitalisedElsewhere,
    std::string& scratch, std::vector<std::string>& out)
{
    const Lexicon& lex = Lexicon::instance();
    out.clear();
    for (std::size_t k = 0; k < count; ++k) {
        const Token& t = toks[k];
        if (!t.capitalised || t.lower.size() < 2 || t.allCaps || isTitleOrNonActor(t.lower) || lex.isStopWord(t.lower))
            continue;
        // Any word after the first is a name, which covers a name after a title ("Mr. Lu", "Uncle Bob") too.
        const bool isName = k > 0
            || std::find(capitalisedElsewhere.begin(), capitalisedElsewhere.end(), t.lower)
                != capitalisedElsewhere.end()
            || (k + 1 < count && verbish(toks[k + 1], scratch)) || !lex.isLemma(t.lower);
        if (!isName)
            continue;
        out.emplace_back(t.lower);
        if (t.possessive && k + 1 < count && !toks[k + 1].capitalised) {
            const std::string_view base = lex.lemma(toks[k + 1].lower, scratch);
            if ((lex.flags(base) & Lexicon::Person) != 0)
                out.push_back(std::string(t.lower) + "'s " + std::string(base));
        }
    }
}

} // namespace

std::vector<int> newActorCounts(const std::vector<std::string>& conditions, const std::string& question)
{
    thread_local Workspace w;
    const std::size_t n = conditions.size();
    std::size_t bytes = question.size();
    for (const std::string& c : conditions)
        bytes += c.size();
    w.lowered.clear();
    w.lowered.reserve(bytes); // no reallocation while tokens point into it
    w.tokens.clear();
    w.firstToken.clear();
    for (std::size_t i = 0; i <= n; ++i) {
        w.firstToken.push_back(w.tokens.size());
        tokenize(i < n ? conditions[i] : question, w);
    }
    w.firstToken.push_back(w.tokens.size());

    w.capitalisedElsewhere.clear(); // capitalised somewhere other than a text's first word
    for (std::size_t i = 0; i <= n; ++i)
        for (std::size_t k = w.firstToken[i] + 1; k < w.firstToken[i + 1]; ++k)
            if (w.tokens[k].capitalised)
                w.capitalisedElsewhere.push_back(w.tokens[k].lower);

    if (w.actors.size() < n + 1)
        w.actors.resize(n + 1);
    for (std::size_t i = 0; i <= n; ++i)
        actorsIn(w.tokens.data() + w.firstToken[i], w.firstToken[i + 1] - w.firstToken[i], w.capitalisedElsewhere,
            w.scratch, w.actors[i]);

    std::string_view protagonist;
    for (std::size_t i = 0; i <= n; ++i) {
        if (!w.actors[i].empty()) {
            protagonist = w.actors[i].front();
            break;
        }
    }

    std::vector<int> counts(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (w.actors[i].empty())
            continue;
        std::vector<std::string>& seen = w.seen;
        seen.assign(w.actors[i].begin(), w.actors[i].end());
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (const std::string& a : seen) {
            if (a == protagonist)
                continue;
            bool elsewhere = false;
            for (std::size_t j = 0; j <= n && !elsewhere; ++j)
                if (j != i)
                    elsewhere = std::find(w.actors[j].begin(), w.actors[j].end(), a) != w.actors[j].end();
            if (!elsewhere)
                ++counts[i];
        }
    }
    return counts;
}

} // namespace wb::relevance
