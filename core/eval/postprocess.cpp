// SPDX-License-Identifier: Apache-2.0
#include "core/eval/postprocess.h"

#include <cstdint>
#include <vector>

namespace wb::eval {

namespace {

struct CodePoint {
    std::uint32_t cp;
    std::string bytes;
};

/// Splits UTF-8 into code points; an invalid byte becomes its own pseudo code point (never a letter).
std::vector<CodePoint> decode(std::string_view s)
{
    std::vector<CodePoint> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        bool valid = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; valid && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            valid = (cc & 0xC0) == 0x80;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (!valid) {
            out.push_back({ 0xFFFFFFFFu, std::string(1, s[i]) });
            ++i;
            continue;
        }
        out.push_back({ cp, std::string(s.substr(i, len)) });
        i += len;
    }
    return out;
}

/// Approximates Python's str.isalpha (Unicode categories L*) with the ranges that occur in model output:
/// Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, Thai, Hangul, kana and CJK ideographs.
/// Symbols such as × ÷ ² ½ √ − are not letters, exactly as in Python.
bool isAlpha(std::uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA)
        return true;
    if (cp >= 0xC0 && cp <= 0x24F)
        return cp != 0xD7 && cp != 0xF7;
    struct Range {
        std::uint32_t lo, hi;
    };
    static const Range kLetters[] = {
        { 0x250, 0x2C1 },
        { 0x370, 0x373 },
        { 0x376, 0x377 },
        { 0x37B, 0x37D },
        { 0x386, 0x386 },
        { 0x388, 0x3FF },
        { 0x400, 0x481 },
        { 0x48A, 0x52F },
        { 0x531, 0x556 },
        { 0x561, 0x587 },
        { 0x5D0, 0x5EA },
        { 0x620, 0x64A },
        { 0x671, 0x6D3 },
        { 0x904, 0x939 },
        { 0xE01, 0xE30 },
        { 0x1E00, 0x1FFF },
        { 0x3041, 0x3096 },
        { 0x30A1, 0x30FA },
        { 0x3400, 0x4DBF },
        { 0x4E00, 0x9FFF },
        { 0xAC00, 0xD7A3 },
        { 0xF900, 0xFAFF },
        { 0xFF21, 0xFF3A },
        { 0xFF41, 0xFF5A },
        { 0x20000, 0x2FA1F },
    };
    for (const Range& r : kLetters) {
        if (cp >= r.lo && cp <= r.hi)
            return true;
    }
    return false;
}

/// Python's str.isspace for the code points str.strip() removes.
bool isSpace(std::uint32_t cp)
{
    return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
        || cp == 0x3000;
}

std::string pyStrip(std::string_view s)
{
    const std::vector<CodePoint> cps = decode(s);
    std::size_t b = 0;
    std::size_t e = cps.size();
    while (b < e && isSpace(cps[b].cp))
        ++b;
    while (e > b && isSpace(cps[e - 1].cp))
        --e;
    std::string out;
    for (std::size_t i = b; i < e; ++i)
        out += cps[i].bytes;
    return out;
}

std::string replaceAll(std::string s, std::string_view from)
{
    std::size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos)
        s.erase(pos, from.size());
    return s;
}

PostProcessResult fromEval(const PyEvalResult& r, std::string remainder)
{
    PostProcessResult out;
    out.remainder = std::move(remainder);
    out.parsed = r.ok();
    out.value = r.value;
    out.error = r.error;
    out.detail = r.detail;
    return out;
}

PostProcessResult zero(std::string remainder)
{
    PostProcessResult out;
    out.parsed = true;
    out.value = PyNumber::fromInt(0);
    out.remainder = std::move(remainder);
    return out;
}

} // namespace

PostProcessResult postProcessValue(std::string_view generated)
{
    // A reply this long is no answer; decoding it code point by code point would only cost time and memory.
    if (generated.size() > kMaxReplyLength) {
        PostProcessResult out;
        out.error = PyError::TooComplex;
        out.detail = "reply of " + std::to_string(generated.size()) + " bytes is longer than the limit of "
            + std::to_string(kMaxReplyLength);
        return out;
    }
    // 1-3: drop commas, letters and parentheses.
    std::string s;
    for (const CodePoint& c : decode(generated)) {
        if (c.cp == ',' || c.cp == '(' || c.cp == ')' || isAlpha(c.cp))
            continue;
        s += c.bytes;
    }
    // 4-5: strip, drop one trailing ".", strip again.
    s = pyStrip(s);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    s = pyStrip(s);
    // 6: keep the last piece of a split on single spaces (so "10 - 2" gives "2").
    if (s.find(' ') != std::string::npos)
        s = s.substr(s.rfind(' ') + 1);
    // 7-8: nothing left, or a lone sign, is 0.
    if (s.empty() || s == "-" || s == "=" || s == "+")
        return zero(s);
    // 9: percentages go through float() and are divided by 100.
    if (s.find('%') != std::string::npos) {
        std::string t = s;
        while (!t.empty() && t.back() == '%')
            t.pop_back();
        // float() strips Unicode whitespace too ("6\u00a0%" is 0.06).
        PyEvalResult r = pythonFloat(pyStrip(t));
        if (r.ok())
            r.value = PyNumber::fromFloat(r.value.f / 100.0);
        return fromEval(r, t);
    }
    // 10-11: "3:30" -> "3.30"; drop one trailing "." or "/".
    for (char& c : s) {
        if (c == ':')
            c = '.';
    }
    if (!s.empty() && (s.back() == '.' || s.back() == '/'))
        s.pop_back();
    // 12-14: remove markup remnants, default to "0", drop a trailing "." and one leading "0".
    s = replaceAll(std::move(s), "</>");
    s = replaceAll(std::move(s), "$");
    s = replaceAll(std::move(s), "<>");
    s = replaceAll(std::move(s), "=");
    if (s.empty() || s == ".")
        s.assign(1, '0');
    if (s.back() == '.')
        s.pop_back();
    if (s.size() >= 2 && s[0] == '0')
        s = s.substr(1);
    // 15: the reference evals the rest; here a safe evaluator with Python's number semantics does it.
    return fromEval(evalPythonArithmetic(s), s);
}

} // namespace wb::eval
