// SPDX-License-Identifier: Apache-2.0
#include "core/eval/pyexpr.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <vector>

namespace wb::eval {

const char* pyErrorName(PyError error)
{
    switch (error) {
    case PyError::None:
        return "None";
    case PyError::SyntaxError:
        return "SyntaxError";
    case PyError::NameError:
        return "NameError";
    case PyError::ValueError:
        return "ValueError";
    case PyError::TypeError:
        return "TypeError";
    case PyError::ZeroDivisionError:
        return "ZeroDivisionError";
    case PyError::OverflowError:
        return "OverflowError";
    case PyError::Unsupported:
        return "Unsupported";
    case PyError::TooComplex:
        return "TooComplex";
    }
    return "?";
}

std::string PyNumber::repr() const
{
    if (isBool)
        return i != 0 ? "True" : "False";
    if (isInt)
        return std::to_string(i);
    if (std::isnan(f))
        return "nan";
    if (std::isinf(f))
        return f > 0 ? "inf" : "-inf";
    // Python's repr switches to exponent form outside 1e-4 <= |x| < 1e16; the digits are the shortest round trip.
    char buf[64];
    const double mag = std::fabs(f);
    const bool exponent = mag != 0.0 && (mag < 1e-4 || mag >= 1e16);
    auto res
        = std::to_chars(buf, buf + sizeof buf, f, exponent ? std::chars_format::scientific : std::chars_format::fixed);
    std::string out(buf, res.ptr);
    if (!exponent && out.find('.') == std::string::npos)
        out += ".0";
    return out;
}

namespace {

PyEvalResult fail(PyError e, std::string detail)
{
    PyEvalResult r;
    r.error = e;
    r.detail = std::move(detail);
    return r;
}

PyEvalResult okValue(PyNumber v)
{
    PyEvalResult r;
    r.value = v;
    return r;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Reads a Python digitpart ("1_000") at `pos`; returns false on a misplaced underscore.
bool readDigitPart(std::string_view s, std::size_t& pos, std::string& digits)
{
    while (pos < s.size()) {
        if (isDigit(s[pos])) {
            digits += s[pos++];
        } else if (s[pos] == '_' && !digits.empty() && pos + 1 < s.size() && isDigit(s[pos + 1])) {
            ++pos;
        } else {
            break;
        }
    }
    return pos >= s.size() || s[pos] != '_';
}

PyNumber floatOrOverflow(long double v)
{
    PyNumber n = PyNumber::fromFloat(static_cast<double>(v));
    n.overflowed = true;
    return n;
}

struct Token {
    enum Kind { Number, Name, Op, LParen, RParen, End } kind = End;
    std::string text;
    PyNumber number;
    std::size_t offset = 0;
};

class Parser {
public:
    explicit Parser(std::string_view s)
        : m_s(s)
    {
    }

    PyEvalResult run()
    {
        if (auto err = tokenize())
            return *err;
        if (m_tokens.size() == 1)
            return fail(PyError::SyntaxError, "empty expression");
        PyEvalResult r = parseComparison();
        if (!r.ok())
            return r;
        if (peek().kind != Token::End)
            return fail(
                PyError::SyntaxError, "unexpected '" + peek().text + "' at offset " + std::to_string(peek().offset));
        if (m_runtime.error != PyError::None)
            return m_runtime;
        return r;
    }

private:
    std::optional<PyEvalResult> tokenize()
    {
        std::size_t pos = 0;
        while (pos < m_s.size()) {
            const char c = m_s[pos];
            if (c == ' ' || c == '\t' || c == '\f') {
                ++pos;
                continue;
            }
            Token t;
            t.offset = pos;
            if (isDigit(c) || (c == '.' && pos + 1 < m_s.size() && isDigit(m_s[pos + 1]))) {
                std::string intPart;
                std::string fracPart;
                if (!readDigitPart(m_s, pos, intPart))
                    return fail(PyError::SyntaxError, "invalid decimal literal at offset " + std::to_string(t.offset));
                bool isFloat = false;
                if (pos < m_s.size() && m_s[pos] == '.') {
                    isFloat = true;
                    ++pos;
                    if (pos < m_s.size() && isDigit(m_s[pos]) && !readDigitPart(m_s, pos, fracPart))
                        return fail(
                            PyError::SyntaxError, "invalid decimal literal at offset " + std::to_string(t.offset));
                }
                if (pos < m_s.size() && (isDigit(m_s[pos]) || m_s[pos] == '_'))
                    return fail(PyError::SyntaxError, "invalid decimal literal at offset " + std::to_string(t.offset));
                t.kind = Token::Number;
                t.text = std::string(m_s.substr(t.offset, pos - t.offset));
                if (isFloat) {
                    const std::string lit
                        = (intPart.empty() ? "0" : intPart) + "." + (fracPart.empty() ? "0" : fracPart);
                    t.number = PyNumber::fromFloat(std::strtod(lit.c_str(), nullptr));
                } else {
                    if (intPart.size() > 1 && intPart[0] == '0' && intPart.find_first_not_of('0') != std::string::npos)
                        return fail(PyError::SyntaxError,
                            "leading zeros in decimal integer literals are not permitted (offset "
                                + std::to_string(t.offset) + ")");
                    std::int64_t v = 0;
                    auto res = std::from_chars(intPart.data(), intPart.data() + intPart.size(), v);
                    if (res.ec == std::errc::result_out_of_range)
                        t.number = floatOrOverflow(std::strtold(intPart.c_str(), nullptr));
                    else
                        t.number = PyNumber::fromInt(v);
                }
                m_tokens.push_back(t);
                continue;
            }
            if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                while (pos < m_s.size()
                    && (m_s[pos] == '_' || isDigit(m_s[pos]) || (m_s[pos] >= 'a' && m_s[pos] <= 'z')
                        || (m_s[pos] >= 'A' && m_s[pos] <= 'Z')))
                    ++pos;
                t.kind = Token::Name;
                t.text = std::string(m_s.substr(t.offset, pos - t.offset));
                m_tokens.push_back(t);
                continue;
            }
            static const char* const kOps[] = { "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+", "-", "*", "/", "%",
                "^", "&", "|", "~", "<", ">" };
            bool matched = false;
            for (const char* op : kOps) {
                const std::string_view o(op);
                if (m_s.substr(pos, o.size()) == o) {
                    t.kind = Token::Op;
                    t.text = std::string(o);
                    pos += o.size();
                    matched = true;
                    break;
                }
            }
            if (!matched && (c == '(' || c == ')')) {
                t.kind = c == '(' ? Token::LParen : Token::RParen;
                t.text = std::string(1, c);
                ++pos;
                matched = true;
            }
            if (!matched)
                return fail(PyError::SyntaxError, "invalid character at offset " + std::to_string(pos));
            m_tokens.push_back(t);
        }
        Token end;
        end.offset = m_s.size();
        end.text = "<end>";
        m_tokens.push_back(end);
        return std::nullopt;
    }

    const Token& peek() const { return m_tokens[m_pos]; }
    bool acceptOp(const char* op)
    {
        if (peek().kind == Token::Op && peek().text == op) {
            ++m_pos;
            return true;
        }
        return false;
    }

    using Level = PyEvalResult (Parser::*)();

    PyEvalResult binaryLevel(Level next, std::initializer_list<const char*> ops)
    {
        PyEvalResult left = (this->*next)();
        while (left.ok()) {
            const char* matched = nullptr;
            for (const char* op : ops) {
                if (acceptOp(op)) {
                    matched = op;
                    break;
                }
            }
            if (!matched)
                break;
            PyEvalResult right = (this->*next)();
            if (!right.ok())
                return right;
            left = absorb(apply(matched, left.value, right.value));
        }
        return left;
    }

    /// Python compiles before it runs: a run-time error is remembered (the first one in evaluation order,
    /// unless it sits in a short-circuited part) and parsing continues, so a later syntax error still wins.
    PyEvalResult absorb(PyEvalResult r)
    {
        if (r.ok() || r.error == PyError::SyntaxError)
            return r;
        if (m_suppress == 0 && m_runtime.error == PyError::None)
            m_runtime = r;
        return okValue(PyNumber::fromInt(1));
    }

    PyEvalResult parseComparison()
    {
        PyEvalResult left = parseOr();
        if (!left.ok())
            return left;
        bool result = true;
        bool compared = false;
        int suppressed = 0;
        while (true) {
            const char* matched = nullptr;
            for (const char* op : { "<", ">", "<=", ">=", "==", "!=" }) {
                if (acceptOp(op)) {
                    matched = op;
                    break;
                }
            }
            if (!matched)
                break;
            PyEvalResult right = parseOr();
            if (!right.ok())
                return right;
            if (result) {
                const double a = left.value.toDouble();
                const double b = right.value.toDouble();
                const std::string op(matched);
                result = op == "<" ? a < b
                    : op == ">"    ? a > b
                    : op == "<="   ? a <= b
                    : op == ">="   ? a >= b
                    : op == "=="   ? a == b
                                   : a != b;
                if (!result) {
                    // Python stops evaluating the chain here; errors in the rest do not count.
                    ++m_suppress;
                    ++suppressed;
                }
            }
            compared = true;
            left = right;
        }
        m_suppress -= suppressed;
        if (!compared)
            return left;
        return okValue(PyNumber::fromBool(result));
    }

    PyEvalResult parseOr() { return binaryLevel(&Parser::parseXor, { "|" }); }
    PyEvalResult parseXor() { return binaryLevel(&Parser::parseAnd, { "^" }); }
    PyEvalResult parseAnd() { return binaryLevel(&Parser::parseShift, { "&" }); }
    PyEvalResult parseShift() { return binaryLevel(&Parser::parseSum, { "<<", ">>" }); }
    PyEvalResult parseSum() { return binaryLevel(&Parser::parseTerm, { "+", "-" }); }
    PyEvalResult parseTerm() { return binaryLevel(&Parser::parseUnary, { "*", "//", "/", "%" }); }

    /// Counts one level of recursion: the parser recurses once per unary operator and power, and through
    /// every precedence level per parenthesis (which is why those have a lower limit).
    struct DepthGuard {
        explicit DepthGuard(int& depth)
            : m_depth(++depth)
        {
        }
        ~DepthGuard() { --m_depth; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
        int& m_depth;
    };

    PyEvalResult tooDeep(const char* what, int limit) const
    {
        return fail(PyError::TooComplex,
            std::string("more than ") + std::to_string(limit) + " nested " + what + " at offset "
                + std::to_string(peek().offset));
    }

    PyEvalResult parseUnary()
    {
        for (const char* op : { "-", "+", "~" }) {
            if (acceptOp(op)) {
                const DepthGuard guard(m_depth);
                if (m_depth > kMaxNesting)
                    return tooDeep("operators", kMaxNesting);
                PyEvalResult operand = parseUnary();
                if (!operand.ok())
                    return operand;
                return absorb(applyUnary(op, operand.value));
            }
        }
        return parsePower();
    }

    PyEvalResult parsePower()
    {
        PyEvalResult base = parseAtom();
        if (!base.ok())
            return base;
        if (acceptOp("**")) {
            const DepthGuard guard(m_depth);
            if (m_depth > kMaxNesting)
                return tooDeep("operators", kMaxNesting);
            // Python: the exponent is a unary expression, so 2**-1 works and ** is right-associative.
            PyEvalResult exponent = parseUnary();
            if (!exponent.ok())
                return exponent;
            return absorb(apply("**", base.value, exponent.value));
        }
        return base;
    }

    PyEvalResult parseAtom()
    {
        const Token t = peek();
        if (t.kind == Token::Number) {
            ++m_pos;
            return okValue(t.number);
        }
        if (t.kind == Token::Name) {
            ++m_pos;
            return absorb(fail(PyError::NameError, "name '" + t.text + "' is not defined"));
        }
        if (t.kind == Token::LParen) {
            const DepthGuard guard(m_parens);
            if (m_parens > kMaxParentheses)
                return tooDeep("parentheses", kMaxParentheses);
            ++m_pos;
            PyEvalResult inner = parseComparison();
            if (!inner.ok())
                return inner;
            if (peek().kind != Token::RParen)
                return fail(PyError::SyntaxError, "'(' was never closed (offset " + std::to_string(t.offset) + ")");
            ++m_pos;
            return inner;
        }
        return fail(
            PyError::SyntaxError, "invalid syntax at offset " + std::to_string(t.offset) + " ('" + t.text + "')");
    }

    static PyEvalResult applyUnary(const std::string& op, PyNumber v)
    {
        if (op == "+")
            return okValue(v);
        if (op == "-") {
            if (!v.isInt)
                return okValue(PyNumber::fromFloat(-v.f));
            if (v.i == std::numeric_limits<std::int64_t>::min())
                return okValue(floatOrOverflow(-static_cast<long double>(v.i)));
            return okValue(PyNumber::fromInt(-v.i));
        }
        if (!v.isInt)
            return fail(PyError::TypeError, "bad operand type for unary ~: 'float'");
        return okValue(PyNumber::fromInt(~v.i));
    }

    static PyEvalResult checkFloat(double v)
    {
        if (std::isinf(v))
            return fail(PyError::OverflowError, "float result out of range");
        return okValue(PyNumber::fromFloat(v));
    }

    static PyEvalResult intPower(std::int64_t base, std::int64_t exp)
    {
        std::int64_t result = 1;
        std::int64_t b = base;
        std::int64_t e = exp;
        bool overflow = false;
        while (e > 0 && !overflow) {
            if (e & 1)
                overflow = __builtin_mul_overflow(result, b, &result);
            e >>= 1;
            if (e > 0 && !overflow)
                overflow = __builtin_mul_overflow(b, b, &b);
        }
        if (overflow) {
            const long double v = std::pow(static_cast<long double>(base), static_cast<long double>(exp));
            if (std::isinf(static_cast<double>(v)))
                return fail(PyError::Unsupported, "integer power too large to represent");
            return okValue(floatOrOverflow(v));
        }
        return okValue(PyNumber::fromInt(result));
    }

    static PyEvalResult apply(const std::string& op, PyNumber a, PyNumber b)
    {
        const bool ints = a.isInt && b.isInt;
        if (op == "^" || op == "&" || op == "|" || op == "<<" || op == ">>") {
            if (!ints)
                return fail(PyError::TypeError, "unsupported operand type(s) for " + op + ": 'float'");
            if (op == "^")
                return okValue(PyNumber::fromInt(a.i ^ b.i));
            if (op == "&")
                return okValue(PyNumber::fromInt(a.i & b.i));
            if (op == "|")
                return okValue(PyNumber::fromInt(a.i | b.i));
            if (b.i < 0)
                return fail(PyError::ValueError, "negative shift count");
            if (op == ">>")
                return okValue(PyNumber::fromInt(b.i >= 63 ? (a.i < 0 ? -1 : 0) : (a.i >> b.i)));
            if (b.i >= 63 || (a.i != 0 && std::llabs(a.i) > (std::numeric_limits<std::int64_t>::max() >> b.i)))
                return okValue(floatOrOverflow(
                    std::ldexp(static_cast<long double>(a.i), static_cast<int>(std::min<std::int64_t>(b.i, 100000)))));
            return okValue(PyNumber::fromInt(a.i * (std::int64_t(1) << b.i)));
        }
        const double x = a.toDouble();
        const double y = b.toDouble();
        if (op == "+" || op == "-" || op == "*") {
            if (ints) {
                std::int64_t r = 0;
                const bool overflow = op == "+" ? __builtin_add_overflow(a.i, b.i, &r)
                    : op == "-"                 ? __builtin_sub_overflow(a.i, b.i, &r)
                                                : __builtin_mul_overflow(a.i, b.i, &r);
                if (!overflow)
                    return okValue(PyNumber::fromInt(r));
                const long double lx = a.i, ly = b.i;
                return okValue(floatOrOverflow(op == "+" ? lx + ly : op == "-" ? lx - ly : lx * ly));
            }
            return checkFloat(op == "+" ? x + y : op == "-" ? x - y : x * y);
        }
        if (op == "/") {
            if (y == 0.0)
                return fail(PyError::ZeroDivisionError, "division by zero");
            return checkFloat(x / y);
        }
        if (op == "//" || op == "%") {
            if (y == 0.0)
                return fail(
                    PyError::ZeroDivisionError, op == "//" ? "integer division or modulo by zero" : "modulo by zero");
            if (ints) {
                if (a.i == std::numeric_limits<std::int64_t>::min() && b.i == -1)
                    return okValue(op == "//" ? floatOrOverflow(-static_cast<long double>(a.i)) : PyNumber::fromInt(0));
                std::int64_t q = a.i / b.i;
                std::int64_t r = a.i % b.i;
                // Python floors toward negative infinity; C++ truncates toward zero.
                if (r != 0 && ((r < 0) != (b.i < 0))) {
                    --q;
                    r += b.i;
                }
                return okValue(PyNumber::fromInt(op == "//" ? q : r));
            }
            double m = std::fmod(x, y);
            if (m != 0.0 && ((m < 0) != (y < 0)))
                m += y;
            if (op == "%")
                return checkFloat(m);
            // CPython's float_floor_div: exact quotient of (x - mod) / y, snapped to the nearest integer.
            const double div = (x - m) / y;
            double floored = std::floor(div);
            if (div - floored > 0.5)
                floored += 1.0;
            return checkFloat(div == 0.0 ? std::copysign(0.0, x / y) : floored);
        }
        // "**"
        if (ints) {
            if (b.i >= 0)
                return intPower(a.i, b.i);
            if (a.i == 0)
                return fail(PyError::ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return checkFloat(std::pow(x, y));
        }
        if (x == 0.0 && y < 0)
            return fail(PyError::ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (x < 0 && std::floor(y) != y)
            return fail(PyError::Unsupported, "negative number to a fractional power gives a complex number");
        return checkFloat(std::pow(x, y));
    }

    std::string_view m_s;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    PyEvalResult m_runtime;
    int m_suppress = 0;
    int m_depth = 0;
    int m_parens = 0;
};

} // namespace

PyEvalResult evalPythonArithmetic(std::string_view expression)
{
    if (expression.size() > kMaxExpressionLength)
        return fail(PyError::TooComplex,
            "expression of " + std::to_string(expression.size()) + " bytes is longer than the limit of "
                + std::to_string(kMaxExpressionLength));
    for (char c : expression) {
        if (c == '\n' || c == '\r')
            return fail(PyError::SyntaxError, "line break inside the expression");
    }
    return Parser(expression).run();
}

PyEvalResult pythonFloat(std::string_view text)
{
    // float() strips surrounding ASCII whitespace; the callers already removed Unicode whitespace.
    std::size_t b = 0;
    std::size_t e = text.size();
    while (b < e && (text[b] == ' ' || (text[b] >= '\t' && text[b] <= '\r')))
        ++b;
    while (e > b && (text[e - 1] == ' ' || (text[e - 1] >= '\t' && text[e - 1] <= '\r')))
        --e;
    const std::string_view s = text.substr(b, e - b);
    const auto bad
        = [&] { return fail(PyError::ValueError, "could not convert string to float: '" + std::string(text) + "'"); };
    std::size_t pos = 0;
    bool negative = false;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-'))
        negative = s[pos++] == '-';
    std::string intPart;
    std::string fracPart;
    if (!readDigitPart(s, pos, intPart))
        return bad();
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        if (!readDigitPart(s, pos, fracPart))
            return bad();
    }
    if (pos != s.size() || (intPart.empty() && fracPart.empty()))
        return bad();
    const std::string lit = (intPart.empty() ? "0" : intPart) + "." + (fracPart.empty() ? "0" : fracPart);
    const double v = std::strtod(lit.c_str(), nullptr);
    return okValue(PyNumber::fromFloat(negative ? -v : v));
}

} // namespace wb::eval
