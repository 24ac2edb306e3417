// SPDX-License-Identifier: Apache-2.0
#include "core/segment/segmenter.h"

#include "core/common/text.h"

#include <array>
#include <cctype>

namespace wb::segment {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }

bool hasAlnum(std::string_view s)
{
    for (char c : s)
        if (isAlnum(c))
            return true;
    return false;
}

/// Number of quantities: maximal digit runs, where "1.5" and "1,000" count once (the `-?\d+(\.\d+)?`
/// detector of the authors' utils.py applied after deleting commas).
int quantityCount(std::string_view s)
{
    int count = 0;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        if (!isDigit(s[i])) {
            ++i;
            continue;
        }
        ++count;
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
    static constexpr std::array<std::string_view, 9> kAbbreviations
        = {"Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "vs.", "etc."};
    for (std::string_view abbr : kAbbreviations) {
        if (piece.size() < abbr.size() || piece.substr(piece.size() - abbr.size()) != abbr)
            continue;
        // Only a whole word is an abbreviation: "M&Ms." ends a sentence although it ends with "Ms.".
        const std::size_t start = piece.size() - abbr.size();
        if (start == 0 || isSpace(piece[start - 1]) || piece[start - 1] == '(' || piece[start - 1] == '"')
            return true;
    }
    return false;
}

/// "8 a.m." / "5 p.m.": ends a sentence only when a capitalised word follows ("from 8 a.m. and 11 a.m." does not).
bool endsWithClockTime(std::string_view piece)
{
    return wb::text::endsWith(piece, "a.m.") || wb::text::endsWith(piece, "p.m.");
}

/// Length of the closing quotes/brackets at the start of `s`: ASCII " ' ) and UTF-8 right quotes (U+2019, U+201D).
std::size_t closingQuotesLength(std::string_view s)
{
    std::size_t i = 0;
    for (;;) {
        if (i < s.size() && (s[i] == '"' || s[i] == '\'' || s[i] == ')'))
            ++i;
        else if (s.substr(i, 3) == "\xE2\x80\x99" || s.substr(i, 3) == "\xE2\x80\x9D")
            i += 3;
        else
            return i;
    }
}

/// Sentence split at [.!?] plus optional closing quotes/brackets followed by whitespace.
std::vector<std::string_view> splitSentences(std::string_view text)
{
    std::vector<std::string_view> out;
    text = wb::text::trim(text);
    const std::size_t n = text.size();
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < n) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') {
            ++i;
            continue;
        }
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
        if (!endsWithAbbreviation(piece) && !(endsWithClockTime(piece) && isLower(text[next]))) {
            out.push_back(piece);
            start = next;
        }
        i = next;
    }
    if (start < n)
        out.push_back(text.substr(start));
    std::vector<std::string_view> kept;
    kept.reserve(out.size());
    for (std::string_view p : out)
        if (!wb::text::trim(p).empty())
            kept.push_back(wb::text::trim(p));
    return kept;
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
        = {"How", "What", "Find", "Calculate", "Who", "Which", "When"};
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
    while (i < s.size() && n < buffer.size() && std::isalpha(static_cast<unsigned char>(s[i])))
        buffer[n++] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
    return {buffer.data(), n};
}

/// Words that open a clause continuing the previous one (pronoun subject of a comma splice, relative
/// or subordinate clause, question word): the annotated data keeps such clauses with the text before the comma.
bool opensDependentClause(std::string_view word)
{
    static constexpr std::array<std::string_view, 19> kWords = {"he", "she", "they", "it", "then", "each", "plus",
        "or", "so", "which", "who", "how", "what", "before", "after", "where", "when", "while", "whose"};
    for (std::string_view w : kWords)
        if (w == word)
            return true;
    return false;
}

/// Words that open an introductory adverbial phrase or subordinate clause before the main clause.
bool opensIntroductoryPhrase(std::string_view word)
{
    static constexpr std::array<std::string_view, 16> kWords = {"in", "on", "at", "after", "before", "during", "for",
        "within", "if", "when", "since", "because", "although", "though", "once", "until"};
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
    while (end < sentence.size()) {
        std::size_t next = end;
        while (next < sentence.size() && isSpace(sentence[next]))
            ++next;
        const std::size_t nextEnd = rawEnd(next);
        const std::string_view nextRaw = sentence.substr(next, nextEnd - next);
        std::array<char, 16> buffer{};
        const std::string_view word = firstWordLower(nextRaw, buffer);
        const bool leftHasQuantity = quantityCount(sentence.substr(pieceStart, end - pieceStart)) > 0;
        const bool rightContinues = quantityCount(nextRaw) > 0 || word == "and" || word == "but";
        std::array<char, 16> leftBuffer{};
        // An introductory phrase ("In 2 years, ...", "If she works 5 hours, ...") belongs to the clause it opens.
        const bool introductory = pieceStart == 0 && opensIntroductoryPhrase(firstWordLower(sentence, leftBuffer));
        if (leftHasQuantity && rightContinues && !introductory && !opensDependentClause(word)) {
            const std::string_view piece = wb::text::trim(sentence.substr(pieceStart, end - pieceStart));
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
    const std::string_view tail = wb::text::trim(sentence.substr(pieceStart));
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
        if (quantityCount(sentence.substr(pieceStart, at - pieceStart)) == 0
            || quantityCount(sentence.substr(at, rightEnd - at)) == 0)
            continue;
        std::string left(wb::text::trim(sentence.substr(pieceStart, at - pieceStart)));
        if (appendComma)
            left += ',';
        out.push_back(std::move(left));
        pieceStart = at;
    }
    out.emplace_back(wb::text::trim(sentence.substr(pieceStart)));
}

/// Quantity-aware sub-split of one condition sentence (i3c-method.md §2.2/§2.4): sentences with fewer than two
/// quantities stay whole; otherwise comma lists are cut, and failing that the sentence is cut at " and ".
void splitCondition(std::string_view sentence, std::vector<std::string>& out)
{
    if (quantityCount(sentence) < 2) {
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
        runOnBody = std::string(wb::text::trim(last.substr(0, runOn))) + ".";
        last = wb::text::trim(last.substr(runOn));
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
