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
        const std::size_t start = piece.size() - abbr.size();
        if (start == 0 || !isAlnum(piece[start - 1]))
            return true;
    }
    return false;
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
        while (end < n && (text[end] == '"' || text[end] == '\'' || text[end] == ')'))
            ++end;
        std::size_t next = end;
        while (next < n && isSpace(text[next]))
            ++next;
        if (next == end || next >= n) {
            i = end;
            continue;
        }
        const std::string_view piece = text.substr(start, end - start);
        if (!endsWithAbbreviation(piece)) {
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

bool hasSplittableComma(std::string_view s)
{
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == ',' && !(i + 1 < s.size() && isDigit(s[i + 1])))
            return true;
    return false;
}

/// Quantity-aware sub-split of one non-final sentence (R3 rule, i3c-method.md §2.4 step 4).
void splitCondition(std::string_view sentence, std::vector<std::string>& out)
{
    if (quantityCount(sentence) < 2) {
        out.emplace_back(sentence);
        return;
    }
    if (hasSplittableComma(sentence)) {
        std::size_t start = 0;
        for (std::size_t i = 0; i < sentence.size(); ++i) {
            if (sentence[i] != ',' || (i + 1 < sentence.size() && isDigit(sentence[i + 1])))
                continue;
            const std::string_view piece = sentence.substr(start, i + 1 - start);
            if (hasAlnum(piece))
                out.emplace_back(piece);
            start = i + 1;
            while (start < sentence.size() && isSpace(sentence[start]))
                ++start;
        }
        const std::string_view tail = sentence.substr(start);
        if (hasAlnum(tail))
            out.emplace_back(tail);
        return;
    }
    const std::size_t k = firstAnd(sentence);
    if (k != std::string_view::npos) {
        out.emplace_back(std::string(sentence.substr(0, k)) + ",");
        out.emplace_back(wb::text::trim(sentence.substr(k)));
        return;
    }
    out.emplace_back(sentence);
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
    if (!runOnBody.empty())
        splitCondition(runOnBody, result.conditions);
    return result;
}

Segmentation segmentBodyAndQuestion(std::string_view body, std::string_view question)
{
    Segmentation result;
    for (std::string_view sentence : splitSentences(body))
        splitCondition(sentence, result.conditions);
    if (!result.conditions.empty()) {
        std::string& lastCondition = result.conditions.back();
        const char end = lastCondition.empty() ? '\0' : lastCondition.back();
        if (end != '.' && end != '!' && end != '?')
            lastCondition += '.';
    }
    result.question = wb::text::trimmed(question);
    return result;
}

} // namespace wb::segment
