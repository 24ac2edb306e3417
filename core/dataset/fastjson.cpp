// SPDX-License-Identifier: Apache-2.0
#include "core/dataset/fastjson.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>

namespace wb::dataset {
namespace {

using nlohmann::json;

class FastParser {
public:
    FastParser(std::string_view text, int maxDepth)
        : m_p(text.data())
        , m_end(text.data() + text.size())
        , m_maxDepth(maxDepth)
    {
    }

    bool parseDocument(json& out)
    {
        if (!value(out))
            return false;
        skipBlank();
        return m_p == m_end;
    }

private:
    void skipBlank()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool literal(std::string_view word)
    {
        if (std::size_t(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    }

    bool value(json& out)
    {
        skipBlank();
        if (m_p >= m_end)
            return false;
        switch (*m_p) {
        case '{':
            return object(out);
        case '[':
            return array(out);
        case '"': {
            std::string s;
            if (!string(s))
                return false;
            out = std::move(s);
            return true;
        }
        case 't':
            out = true;
            return literal("true");
        case 'f':
            out = false;
            return literal("false");
        case 'n':
            out = nullptr;
            return literal("null");
        default:
            return number(out);
        }
    }

    /// The part objects and arrays share: depth, the empty case, and ',' between elements up to `close`.
    template <class Element> bool sequence(char close, Element&& element)
    {
        if (++m_depth > m_maxDepth)
            return false;
        ++m_p;
        skipBlank();
        if (m_p < m_end && *m_p == close) {
            ++m_p;
            --m_depth;
            return true;
        }
        for (;;) {
            if (!element())
                return false;
            skipBlank();
            if (m_p >= m_end)
                return false;
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p != close)
                return false;
            ++m_p;
            --m_depth;
            return true;
        }
    }

    bool object(json& out)
    {
        out = json::object();
        auto& members = out.get_ref<json::object_t&>();
        return sequence('}', [&] {
            skipBlank();
            std::string key;
            if (m_p >= m_end || *m_p != '"' || !string(key))
                return false;
            skipBlank();
            if (m_p >= m_end || *m_p != ':')
                return false;
            ++m_p;
            json item;
            if (!value(item))
                return false;
            members.insert_or_assign(
                std::move(key), std::move(item)); // a repeated key keeps the last value, as nlohmann does
            return true;
        });
    }

    bool array(json& out)
    {
        out = json::array();
        auto& items = out.get_ref<json::array_t&>();
        return sequence(']', [&] { return value(items.emplace_back()); });
    }

    bool hex4(std::uint32_t& code)
    {
        if (m_end - m_p < 4)
            return false;
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *m_p++;
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= std::uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= std::uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= std::uint32_t(c - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    static void appendUtf8(std::string& s, std::uint32_t code)
    {
        if (code < 0x80) {
            s += char(code);
        } else if (code < 0x800) {
            s += char(0xC0 | (code >> 6));
            s += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            s += char(0xE0 | (code >> 12));
            s += char(0x80 | ((code >> 6) & 0x3F));
            s += char(0x80 | (code & 0x3F));
        } else {
            s += char(0xF0 | (code >> 18));
            s += char(0x80 | ((code >> 12) & 0x3F));
            s += char(0x80 | ((code >> 6) & 0x3F));
            s += char(0x80 | (code & 0x3F));
        }
    }

    bool escape(std::string& s)
    {
        if (m_p >= m_end)
            return false;
        switch (*m_p++) {
        case '"':
            s += '"';
            return true;
        case '\\':
            s += '\\';
            return true;
        case '/':
            s += '/';
            return true;
        case 'b':
            s += '\b';
            return true;
        case 'f':
            s += '\f';
            return true;
        case 'n':
            s += '\n';
            return true;
        case 'r':
            s += '\r';
            return true;
        case 't':
            s += '\t';
            return true;
        case 'u': {
            std::uint32_t code = 0;
            if (!hex4(code))
                return false;
            if (code >= 0xDC00 && code <= 0xDFFF)
                return false; // a low surrogate without its high half
            if (code >= 0xD800 && code <= 0xDBFF) {
                std::uint32_t low = 0;
                if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                    return false;
                m_p += 2;
                if (!hex4(low) || low < 0xDC00 || low > 0xDFFF)
                    return false;
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(s, code);
            return true;
        }
        default:
            return false;
        }
    }

    /// Skips string bytes eight at a time while none of them is '"', '\\' or a control byte (SWAR: a byte is
    /// flagged when it is zero after XOR with the quote or backslash, or below 0x20); the byte loop after it
    /// handles the rest exactly.
    void skipPlainBytes()
    {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
        while (m_end - m_p >= 8) {
            std::uint64_t v;
            std::memcpy(&v, m_p, 8);
            const std::uint64_t quote = v ^ (kOnes * '"');
            const std::uint64_t backslash = v ^ (kOnes * '\\');
            // (x - 0x01..) & ~x & 0x80.. is non-zero iff some byte of x is zero; (v - 0x20..) & ~v & 0x80..
            // flags bytes below 0x20 (bytes >= 0x80 have their high bit set in v, so ~v clears them).
            const std::uint64_t special
                = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | ((v - kOnes * 0x20) & ~v);
            if ((special & kHigh) != 0)
                return;
            m_p += 8;
        }
    }

    bool string(std::string& s)
    {
        ++m_p; // the opening quote
        for (;;) {
            const char* run = m_p;
            skipPlainBytes();
            while (m_p < m_end && *m_p != '"' && *m_p != '\\' && static_cast<unsigned char>(*m_p) >= 0x20)
                ++m_p;
            s.append(run, m_p);
            if (m_p >= m_end || static_cast<unsigned char>(*m_p) < 0x20)
                return false;
            if (*m_p++ == '"')
                return true;
            if (!escape(s))
                return false;
        }
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool number(json& out)
    {
        const char* start = m_p;
        bool negative = false;
        if (m_p < m_end && *m_p == '-') {
            negative = true;
            ++m_p;
        }
        if (m_p >= m_end || !isDigit(*m_p))
            return false;
        if (*m_p == '0' && m_p + 1 < m_end && isDigit(m_p[1]))
            return false; // leading zeros are not JSON
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
        bool integral = true;
        if (m_p < m_end && *m_p == '.') {
            integral = false;
            ++m_p;
            if (m_p >= m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            integral = false;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p >= m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        // nlohmann keeps non-negative integers unsigned and negative ones signed; mirror that exactly
        if (integral && negative) {
            std::int64_t v = 0;
            const auto r = std::from_chars(start, m_p, v);
            if (r.ec != std::errc() || r.ptr != m_p)
                return false;
            out = v;
            return true;
        }
        if (integral) {
            std::uint64_t v = 0;
            const auto r = std::from_chars(start, m_p, v);
            if (r.ec != std::errc() || r.ptr != m_p)
                return false;
            out = v;
            return true;
        }
        double v = 0;
        const auto r = std::from_chars(start, m_p, v);
        if (r.ec != std::errc() || r.ptr != m_p)
            return false;
        out = v;
        return true;
    }

    const char* m_p;
    const char* m_end;
    int m_depth = 0;
    int m_maxDepth;
};

} // namespace

bool parseJsonFast(std::string_view text, nlohmann::json& out, int maxDepth)
{
    FastParser parser(text, maxDepth);
    return parser.parseDocument(out);
}

} // namespace wb::dataset
