// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/actorcues.h"

#include "core/relevance/lexicon.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace wb::relevance {
namespace {

/// Capitalised words that name no actor: days, months, deictic time words, indefinite pronouns.
constexpr std::array<std::string_view, 30> kNonActors = {"monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "today", "tomorrow", "yesterday", "tonight", "everyone", "everybody",
    "someone", "somebody", "nobody", "anyone", "anybody"};
constexpr std::array<std::string_view, 10> kTitles
    = {"mr", "mrs", "ms", "dr", "miss", "uncle", "aunt", "officer", "professor", "grandma"};
constexpr std::array<std::string_view, 16> kAuxiliaries = {"has", "have", "had", "is", "was", "are", "were", "does",
    "did", "will", "can", "would", "could", "should", "wants", "owns"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view w)
{
    return std::find(list.begin(), list.end(), w) != list.end();
}

struct Token {
    std::string lower;
    bool capitalised = false;
    bool possessive = false; ///< followed by "'s" or "'"
    bool allCaps = false;    ///< acronym or unit ("FICA", "GB"): not a person
};

std::vector<Token> tokenize(const std::string& text)
{
    std::vector<Token> out;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        Token t;
        t.capitalised = std::isupper(static_cast<unsigned char>(text[i])) != 0;
        std::size_t upper = 0;
        while (i < n && std::isalpha(static_cast<unsigned char>(text[i]))) {
            upper += std::isupper(static_cast<unsigned char>(text[i])) != 0;
            t.lower += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
        }
        t.allCaps = t.lower.size() >= 2 && upper == t.lower.size();
        // Possessive "'s" / "s'" with an ASCII or a typographic (U+2019) apostrophe.
        const std::size_t apostrophe = i < n && text[i] == '\'' ? 1 : (text.compare(i, 3, "\xE2\x80\x99") == 0 ? 3 : 0);
        if (apostrophe != 0) {
            const std::size_t a = i + apostrophe;
            const bool s = a < n && (text[a] == 's' || text[a] == 'S')
                && !(a + 1 < n && std::isalpha(static_cast<unsigned char>(text[a + 1])));
            t.possessive = s || (a < n && std::isspace(static_cast<unsigned char>(text[a])) && t.lower.back() == 's');
            i = s ? a + 1 : a;
        }
        out.push_back(std::move(t));
    }
    return out;
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

/// Actors named in one text, in order of appearance.
std::vector<std::string> actorsIn(const std::vector<Token>& toks, const std::vector<std::string>& capitalisedElsewhere)
{
    const Lexicon& lex = Lexicon::instance();
    std::vector<std::string> out;
    std::string scratch;
    for (std::size_t k = 0; k < toks.size(); ++k) {
        const Token& t = toks[k];
        if (!t.capitalised || t.lower.size() < 2 || lex.isStopWord(t.lower) || contains(kTitles, t.lower)
            || contains(kNonActors, t.lower) || t.allCaps)
            continue;
        const bool afterTitle = k > 0 && contains(kTitles, toks[k - 1].lower);
        const bool isName = afterTitle || k > 0
            || std::find(capitalisedElsewhere.begin(), capitalisedElsewhere.end(), t.lower) != capitalisedElsewhere.end()
            || (k + 1 < toks.size() && verbish(toks[k + 1], scratch)) || !lex.isLemma(t.lower);
        if (!isName)
            continue;
        out.push_back(t.lower);
        if (t.possessive && k + 1 < toks.size() && !toks[k + 1].capitalised) {
            const std::string_view base = lex.lemma(toks[k + 1].lower, scratch);
            if ((lex.flags(base) & Lexicon::Person) != 0)
                out.push_back(t.lower + "'s " + std::string(base));
        }
    }
    return out;
}

} // namespace

std::vector<int> newActorCounts(const std::vector<std::string>& conditions, const std::string& question)
{
    const std::size_t n = conditions.size();
    std::vector<std::vector<Token>> tokens;
    tokens.reserve(n + 1);
    for (const std::string& c : conditions)
        tokens.push_back(tokenize(c));
    tokens.push_back(tokenize(question));

    std::vector<std::string> capitalisedElsewhere; // capitalised somewhere other than a text's first word
    for (const auto& toks : tokens)
        for (std::size_t k = 1; k < toks.size(); ++k)
            if (toks[k].capitalised)
                capitalisedElsewhere.push_back(toks[k].lower);

    std::vector<std::vector<std::string>> actors;
    actors.reserve(n + 1);
    for (const auto& toks : tokens)
        actors.push_back(actorsIn(toks, capitalisedElsewhere));

    std::string protagonist;
    for (const auto& a : actors) {
        if (!a.empty()) {
            protagonist = a.front();
            break;
        }
    }

    std::vector<int> counts(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::string> seen = actors[i];
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (const std::string& a : seen) {
            if (a == protagonist)
                continue;
            bool elsewhere = false;
            for (std::size_t j = 0; j <= n && !elsewhere; ++j)
                if (j != i)
                    elsewhere = std::find(actors[j].begin(), actors[j].end(), a) != actors[j].end();
            if (!elsewhere)
                ++counts[i];
        }
    }
    return counts;
}

} // namespace wb::relevance
