// SPDX-License-Identifier: Apache-2.0
#include "core/eval/extractors.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace wb::eval {

const std::vector<std::string>& extractorNames()
{
    static const std::vector<std::string> kNames { "i3c-postprocess", "####", "answer-is", "boxed", "first-number",
        "last-number", "choice" };
    return kNames;
}

bool isKnownExtractor(std::string_view name)
{
    const auto& names = extractorNames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool isChoiceExtractor(std::string_view name) { return name == "choice"; }

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

std::vector<double> findNumbers(std::string_view text)
{
    std::vector<double> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const bool startsNumber = isDigit(text[i]) || (text[i] == '.' && i + 1 < text.size() && isDigit(text[i + 1]));
        if (!startsNumber) {
            ++i;
            continue;
        }
        const bool negative = i > 0 && text[i - 1] == '-' && (i < 2 || !isDigit(text[i - 2]));
        std::string digits;
        bool seenDot = false;
        while (i < text.size()) {
            const char c = text[i];
            if (isDigit(c)) {
                digits += c;
            } else if (c == ',' && !seenDot && !digits.empty() && i + 3 < text.size() && isDigit(text[i + 1])
                && isDigit(text[i + 2]) && isDigit(text[i + 3]) && (i + 4 >= text.size() || !isDigit(text[i + 4]))) {
                // A thousands separator: exactly three digits follow.
            } else if (c == '.' && !seenDot && i + 1 < text.size() && isDigit(text[i + 1])) {
                seenDot = true;
                digits += c;
            } else {
                break;
            }
            ++i;
        }
        const double v = std::strtod(digits.c_str(), nullptr);
        out.push_back(negative ? -v : v);
    }
    return out;
}

std::optional<double> extractFirstNumber(std::string_view text)
{
    const auto numbers = findNumbers(text);
    if (numbers.empty())
        return std::nullopt;
    return numbers.front();
}

std::optional<double> extractLastNumber(std::string_view text)
{
    const auto numbers = findNumbers(text);
    if (numbers.empty())
        return std::nullopt;
    return numbers.back();
}

std::optional<double> extractAfterHashes(std::string_view text)
{
    const std::size_t pos = text.rfind("####");
    if (pos == std::string_view::npos)
        return std::nullopt;
    return extractFirstNumber(text.substr(pos + 4));
}

std::optional<double> extractAnswerIs(std::string_view text)
{
    const std::string l = lower(text);
    const std::size_t pos = l.rfind("the answer is");
    if (pos == std::string::npos)
        return std::nullopt;
    return extractFirstNumber(text.substr(pos + 13));
}

std::optional<std::string> extractBoxed(std::string_view text)
{
    const std::size_t pos = text.rfind("\\boxed{");
    if (pos == std::string_view::npos)
        return std::nullopt;
    int depth = 1;
    const std::size_t start = pos + 7;
    for (std::size_t i = start; i < text.size(); ++i) {
        if (text[i] == '{')
            ++depth;
        else if (text[i] == '}' && --depth == 0)
            return std::string(text.substr(start, i - start));
    }
    return std::nullopt;
}

std::optional<std::string> extractChoice(std::string_view text)
{
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const char c = text[i];
        if (c >= 'A' && c <= 'E' && text[i + 1] == ')'
            && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]))))
            return std::string(1, c);
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c < 'A' || c > 'E')
            continue;
        const bool leftOk = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
        const bool rightOk = i + 1 >= text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 1]));
        // "A" as an English article is followed by a space and a lowercase word; skip that reading.
        const bool article = c == 'A' && i + 2 < text.size() && text[i + 1] == ' '
            && std::islower(static_cast<unsigned char>(text[i + 2]));
        if (leftOk && rightOk && !article)
            return std::string(1, c);
    }
    return std::nullopt;
}

ExtractedAnswer extractAnswer(std::string_view text, const std::vector<std::string>& extractors, bool multipleChoice)
{
    ExtractedAnswer out;
    out.span = std::string(text);
    for (const std::string& name : extractors) {
        if (isChoiceExtractor(name) != multipleChoice || !isKnownExtractor(name))
            continue;
        std::optional<double> number;
        if (name == "choice") {
            if (auto letter = extractChoice(text)) {
                out.found = true;
                out.choice = *letter;
                out.extractor = name;
                return out;
            }
            continue;
        }
        if (name == "i3c-postprocess") {
            const PostProcessResult r = postProcessValue(text);
            if (r.parsed)
                number = r.value.toDouble();
            else
                out.note = std::string(pyErrorName(r.error)) + ": " + r.detail;
        } else if (name == "####") {
            number = extractAfterHashes(text);
        } else if (name == "answer-is") {
            number = extractAnswerIs(text);
        } else if (name == "boxed") {
            if (auto boxed = extractBoxed(text)) {
                const PostProcessResult r = postProcessValue(*boxed);
                if (r.parsed)
                    number = r.value.toDouble();
            }
        } else if (name == "first-number") {
            number = extractFirstNumber(text);
        } else if (name == "last-number") {
            number = extractLastNumber(text);
        }
        if (number) {
            out.found = true;
            out.number = number;
            out.extractor = name;
            out.note.clear();
            return out;
        }
    }
    if (out.note.empty())
        out.note = "no answer found";
    return out;
}

} // namespace wb::eval
