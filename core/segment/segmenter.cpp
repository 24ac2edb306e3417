// SPDX-License-Identifier: Apache-2.0
#include "core/segment/segmenter.h"

#include "core/common/text.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace wb::segment {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
// ASCII classes, as std::isspace/std::isalnum give them in the "C" locale, without a library call per byte.
bool isSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isAlpha(char c) { return isLower(static_cast<char>(c | 0x20)); }
bool isAlnum(char c) { return isDigit(c) || isAlpha(c); }

/// wb::text::trim with the ASCII whitespace class above.
std::string_view trim(std::string_view s)
{
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && isSpace(s[b]))
        ++b;
    while (e > b && isSpace(s[e - 1]))
        --e;
    return s.substr(b, e - b);
}

/// quantityCount(s) > 0: every digit starts a quantity.
bool hasQuantity(std::string_view s)
{
    for (char c : s)
        if (isDigit(c))
            return true;
    return false;
}

bool hasAlnum(std::string_view s)
{
    for (char c : s)
        if (isAlnum(c))
            return true;
    return false;
}

/// Number of quantities: maximal digit runs, where "1.5" and "1,000" count once (the `-?\d+(\.\d+)?`
/// detector of the authors' utils.py applied after deleting commas), counted up to `limit`.
int quantityCount(std::string_view s, int limit)
{
    int count = 0;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        if (!isDigit(s[i])) {
            ++i;
            continue;
        }
        if (++count == limit)
            return count;
        while (i < n) {
            if (isDigit(s[i])) {
                ++i;
            } else if (s[i] == ',' && i + 1 < n && isDigit(s[i + 1])) {
                ++i; // thousands separator
            } else if (s[i] == '.' && i + 1 < n && isDigit(s[i + 1])) {
                // decimal point: digits after it belong to this quantity, but only one point per quantity
                ++i;
                while (i < n && (isDigit(s[i]) || (s[i] == ',' && i + 1 < n && isDigit(s[i + 1]))))
                    ++i;
                break;
            } else {
                break;
            }
        }
    }
    return count;
}

/// True when `piece` ends with an abbreviation whose period does not end a sentence.
bool endsWithAbbreviation(std::string_view piece)
{
    if (piece.empty() || piece.back() != '.')
        return false; // every abbreviation ends with its period
    static constexpr std::array<std::string_view, 9> kAbbreviations
        = { "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "vs.", "etc." };
    // Only a whole word is an abbreviation: "M&Ms." ends a sentence although it ends with "Ms.". So the last
    // word (after the last space, '(' or '"') must be one of the list; none is longer than four bytes.
    const auto opensWord = [](char c) { return isSpace(c) || c == '(' || c == '"'; };
    std::size_t start = piece.size();
    while (start > 0 && !opensWord(piece[start - 1]) && piece.size() - start < 4)
        --start;
    if (start > 0 && !opensWord(piece[start - 1]))
        return false;
    const std::string_view word = piece.substr(start);
    for (std::string_view abbr : kAbbreviations)
        if (word == abbr)
            return true;
    return false;
}

/// "8 a.m." / "5 p.m.": ends a sentence only when a capitalised word follows ("from 8 a.m. and 11 a.m." does not).
bool endsWithClockTime(std::string_view piece)
{
    const std::size_t n = piece.size();
    return n >= 4 && piece[n - 1] == '.' && piece[n - 2] == 'm' && piece[n - 3] == '.'
        && (piece[n - 4] == 'a' || piece[n - 4] == 'p');
}

/// Length of the closing quotes/brackets at the start of `s`: ASCII " ' ) and UTF-8 right quotes (U+2019, U+201D).
std::size_t closingQuotesLength(std::string_view s)
{
    std::size_t i = 0;
    for (;;) {
        if (i < s.size() && (s[i] == '"' || s[i] == '\'' || s[i] == ')'))
            ++i;
        else if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' && (s[i + 2] == '\x99' || s[i + 2] == '\x9D'))
            i += 3;
        else
            return i;
    }
}

bool isTerminator(char c) { return c == '.' || c == '!' || c == '?'; }

/// Index of the first '.', '!' or '?' at or after `i` (s.size() when there is none), eight bytes per step:
/// most of a text is no sentence end.
std::size_t nextTerminator(std::string_view s, std::size_t i)
{
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
        // high bit of each zero byte of x; bits above the lowest may be spurious, the lowest one is exact
        const auto zeroBytes = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            const std::uint64_t m
                = zeroBytes(w ^ (kOnes * '.')) | zeroBytes(w ^ (kOnes * '!')) | zeroBytes(w ^ (kOnes * '?'));
            if (m != 0)
                return i + std::size_t(std::countr_zero(m) >> 3);
        }
    }
    while (i < s.size() && !isTerminator(s[i]))
        ++i;
    return i;
}

/// Sentence split at [.!?] plus optional closing quotes/brackets followed by whitespace.
std::vector<std::string_view> splitSentences(std::string_view text)
{
    std::vector<std::string_view> out;
    out.reserve(8);
    auto keep = [&out](std::string_view piece) {
        piece = trim(piece);
        if (!piece.empty())
            out.push_back(piece);
    };
    text = trim(text);
    const std::size_t n = text.size();
    std::size_t start = 0;
    std::size_t i = 0;
    while ((i = nextTerminator(text, i)) < n) {
        std::size_t end = i + 1;
        end += closingQuotesLength(text.substr(end));
        std::size_t next = end;
        while (next < n && isSpace(text[next]))
            ++next;
        if (next == end || next >= n) {
            i = end;
            continue;
        }
        const std::string_view piece = text.substr(start, end - start);
        if (!endsWithAbbreviation(piece) && !(isLower(text[next]) && endsWithClockTime(piece))) {
            keep(piece);
            start = next;
        }
        i = next;
    }
    if (start < n)
        keep(text.substr(start));
    return out;
}

bool startsWithWord(std::string_view s, std::string_view word)
{
    if (s.size() < word.size() || s.substr(0, word.size()) != word)
        return false;
    return s.size() == word.size() || !isAlnum(s[word.size()]);
}

/// Position where a run-on "Body text How many ...?" question starts, or npos.
std::size_t runOnQuestionStart(std::string_view sentence)
{
    static constexpr std::array<std::string_view, 7> kQuestionWords
        = { "How", "What", "Find", "Calculate", "Who", "Which", "When" };
    for (std::size_t i = 1; i < sentence.size(); ++i) {
        if (!isSpace(sentence[i]))
            continue;
        const char prev = sentence[i - 1];
        if (!(isLower(prev) || isDigit(prev) || prev == '%' || prev == '$'))
            continue;
        std::size_t j = i;
        while (j < sentence.size() && isSpace(sentence[j]))
            ++j;
        const std::string_view rest = sentence.substr(j);
        // Every question word starts with one of these capitals; most words after a space do not.
        const char first = j < sentence.size() ? sentence[j] : '\0';
        if (first == 'H' || first == 'W' || first == 'F' || first == 'C')
            for (std::string_view w : kQuestionWords)
                if (startsWithWord(rest, w))
                    return i;
        i = j - 1;
    }
    return std::string_view::npos;
}

/// Position of the first whitespace-delimited " and " (start of the whitespace), or npos.
std::size_t firstAnd(std::string_view s)
{
    for (std::size_t i = 0; i + 4 < s.size(); ++i) {
        if (!isSpace(s[i]))
            continue;
        std::size_t j = i;
        while (j < s.size() && isSpace(s[j]))
            ++j;
        if (j + 3 < s.size() && s.substr(j, 3) == "and" && isSpace(s[j + 3]))
            return i;
        i = j - 1;
    }
    return std::string_view::npos;
}

bool isSplittableComma(std::string_view s, std::size_t i)
{
    return s[i] == ',' && !(i + 1 < s.size() && isDigit(s[i + 1]));
}

bool hasSplittableComma(std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i)
        if (isSplittableComma(s, i))
            return true;
    return false;
}

/// Lower-cased first word of `s` (letters only), at most 15 characters.
std::string_view firstWordLower(std::string_view s, std::array<char, 16>& buffer)
{
    std::size_t i = 0;
    while (i < s.size() && isSpace(s[i]))
        ++i;
    std::size_t n = 0;
    while (i < s.size() && n < buffer.size() && isAlpha(s[i]))
        buffer[n++] = static_cast<char>(s[i++] | 0x20);
    return { buffer.data(), n };
}

/// Words that open a clause continuing the previous one (pronoun subject of a comma splice, relative
/// or subordinate clause, question word): the annotated data keeps such clauses with the text before the comma.
bool opensDependentClause(std::string_view word)
{
    static constexpr std::array<std::string_view, 19> kWords = { "he", "she", "they", "it", "then", "each", "plus",
        "or", "so", "which", "who", "how", "what", "before", "after", "where", "when", "while", "whose" };
    for (std::string_view w : kWords)
        if (w == word)
            return true;
    return false;
}

/// Words that open an introductory adverbial phrase or subordinate clause before the main clause.
bool opensIntroductoryPhrase(std::string_view word)
{
    static constexpr std::array<std::string_view, 16> kWords = { "in", "on", "at", "after", "before", "during", "for",
        "within", "if", "when", "since", "because", "although", "though", "once", "until" };
    for (std::string_view w : kWords)
        if (w == word)
            return true;
    return false;
}

/// Comma-list split: cut after a comma only when the text before it (since the last cut) holds a quantity and
/// the next comma piece holds one too or continues the list with "and"/"but". Returns false when nothing was cut.
bool splitAtCommas(std::string_view sentence, std::vector<std::string>& out)
{
    std::size_t pieceStart = 0; // start of the current output piece
    const std::size_t firstOut = out.size();
    bool cut = false;
    auto rawEnd = [&](std::size_t from) {
        for (std::size_t i = from; i < sentence.size(); ++i)
            if (isSplittableComma(sentence, i))
                return i + 1;
        return sentence.size();
    };
    std::size_t end = rawEnd(0);
    if (end >= sentence.size())
        return false;
    std::array<char, 16> leftBuffer {};
    // An introductory phrase ("In 2 years, ...", "If she works 5 hours, ...") belongs to the clause it opens.
    const bool opensWithIntroduction = opensIntroductoryPhrase(firstWordLower(sentence, leftBuffer));
    while (end < sentence.size()) {
        std::size_t next = end;
        while (next < sentence.size() && isSpace(sentence[next]))
            ++next;
        const std::size_t nextEnd = rawEnd(next);
        const std::string_view nextRaw = sentence.substr(next, nextEnd - next);
        std::array<char, 16> buffer {};
        const std::string_view word = firstWordLower(nextRaw, buffer);
        const bool leftHasQuantity = hasQuantity(sentence.substr(pieceStart, end - pieceStart));
        const bool rightContinues = hasQuantity(nextRaw) || word == "and" || word == "but";
        const bool introductory = pieceStart == 0 && opensWithIntroduction;
        if (leftHasQuantity && rightContinues && !introductory && !opensDependentClause(word)) {
            const std::string_view piece = trim(sentence.substr(pieceStart, end - pieceStart));
            if (hasAlnum(piece))
                out.emplace_back(piece);
            pieceStart = next;
            cut = true;
        }
        end = nextEnd;
    }
    if (!cut) {
        out.resize(firstOut);
        return false;
    }
    const std::string_view tail = trim(sentence.substr(pieceStart));
    if (hasAlnum(tail))
        out.emplace_back(tail);
    return true;
}

/// "and"-split: cut before every " and " whose left part (since the last cut) and right part (up to the next
/// " and ") both hold a quantity. A comma is appended to left pieces when the sentence had none.
void splitAtAnd(std::string_view sentence, bool appendComma, std::vector<std::string>& out)
{
    std::vector<std::size_t> ands;
    for (std::size_t from = 0;;) {
        const std::size_t k = firstAnd(sentence.substr(from));
        if (k == std::string_view::npos)
            break;
        ands.push_back(from + k);
        std::size_t after = from + k;
        while (after < sentence.size() && isSpace(sentence[after]))
            ++after;
        from = after + 3; // past "and"
    }
    std::size_t pieceStart = 0;
    for (std::size_t i = 0; i < ands.size(); ++i) {
        const std::size_t at = ands[i];
        const std::size_t rightEnd = i + 1 < ands.size() ? ands[i + 1] : sentence.size();
        if (!hasQuantity(sentence.substr(pieceStart, at - pieceStart))
            || !hasQuantity(sentence.substr(at, rightEnd - at)))
            continue;
        std::string left(trim(sentence.substr(pieceStart, at - pieceStart)));
        if (appendComma)
            left += ',';
        out.push_back(std::move(left));
        pieceStart = at;
    }
    out.emplace_back(trim(sentence.substr(pieceStart)));
}

/// Quantity-aware sub-split of one condition sentence (i3c-method.md §2.2/§2.4): sentences with fewer than two
/// quantities stay whole; otherwise comma lists are cut, and failing that the sentence is cut at " and ".
void splitCondition(std::string_view sentence, std::vector<std::string>& out)
{
    if (quantityCount(sentence, 2) < 2) {
        out.emplace_back(sentence);
        return;
    }
    if (splitAtCommas(sentence, out))
        return;
    splitAtAnd(sentence, !hasSplittableComma(sentence), out);
}

} // namespace

Segmentation segmentText(std::string_view text)
{
    Segmentation result;
    std::vector<std::string_view> sentences = splitSentences(text);
    if (sentences.empty())
        return result;
    std::string runOnBody;
    std::string_view last = sentences.back();
    const std::size_t runOn = runOnQuestionStart(last);
    if (runOn != std::string_view::npos) {
        runOnBody = std::string(trim(last.substr(0, runOn))) + ".";
        last = trim(last.substr(runOn));
    }
    result.question = std::string(last);
    result.conditions.reserve(sentences.size() * 2);
    for (std::size_t i = 0; i + 1 < sentences.size(); ++i)
        splitCondition(sentences[i], result.conditions);
    // The body part of a run-on "Body How many ...?" stays whole, as in the annotated SVAMP data.
    if (!runOnBody.empty())
        result.conditions.push_back(std::move(runOnBody));
    return result;
}

Segmentation segmentBodyAndQuestion(std::string_view body, std::string_view question)
{
    Segmentation result;
    const std::vector<std::string_view> sentences = splitSentences(body);
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const std::string_view sentence = sentences[i];
        const char end = sentence.back();
        const bool terminated = end == '.' || end == '!' || end == '?' || end == '"' || end == '\'' || end == ')';
        if (i + 1 == sentences.size() && !terminated) {
            // An unterminated body runs on into the question: keep it whole and close it, as the annotated data does.
            result.conditions.push_back(std::string(sentence) + ".");
            break;
        }
        splitCondition(sentence, result.conditions);
    }
    result.question = wb::text::trimmed(question);
    return result;
}

} // namespace wb::segment
