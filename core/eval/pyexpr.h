// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wb::eval {

/// A Python number as the reference post-processor produces it: an int or a float. Python ints are unbounded;
/// here an int that leaves the int64 range becomes a float (`overflowed` says so) - far beyond any answer.
struct PyNumber {
    bool isInt = true;
    std::int64_t i = 0;
    double f = 0.0;
    bool overflowed = false;
    bool isBool = false; ///< a comparison result (Python's True/False, numerically 1/0)

    static PyNumber fromInt(std::int64_t v) { return PyNumber { true, v, 0.0, false, false }; }
    static PyNumber fromFloat(double v) { return PyNumber { false, 0, v, false, false }; }
    static PyNumber fromBool(bool v) { return PyNumber { true, v ? 1 : 0, 0.0, false, true }; }
    double toDouble() const { return isInt ? static_cast<double>(i) : f; }
    /// Python's repr(): "18", "18.0", "0.75", "1e+16", "True".
    std::string repr() const;
};

/// The Python exception a computation would raise; None when it succeeded.
enum class PyError {
    None,
    SyntaxError,
    NameError,
    ValueError,
    TypeError,
    ZeroDivisionError,
    OverflowError,
    Unsupported,
    TooComplex ///< deeper or longer than the evaluator's limits below
};

/// Limits that keep a hostile reply from exhausting the stack or the time of a run. Python itself refuses
/// parentheses nested deeper than 200 and runs out of parser stack on a few thousand unary operators, so no
/// answer the reference could give is lost.
inline constexpr int kMaxNesting = 1000; ///< unary operators and powers, one inside the other
inline constexpr int kMaxParentheses = 200; ///< open parentheses at once (Python's own limit)
inline constexpr std::size_t kMaxExpressionLength = 100000; ///< bytes

const char* pyErrorName(PyError error);

struct PyEvalResult {
    PyError error = PyError::None;
    PyNumber value;
    std::string detail; ///< why it failed, with the byte offset where that is known
    bool ok() const { return error == PyError::None; }
};

/// Evaluates `expression` the way Python's eval() would for numeric literals, unary + - ~, binary
/// + - * / // % ** ^ & | << >>, chained comparisons < > <= >= == != (short-circuiting, giving True/False) and
/// parentheses, with Python's int/float rules (true division gives a float, ^ & | on floats are TypeErrors,
/// leading zeros in int literals are SyntaxErrors). As in Python, the whole text is checked for syntax before
/// any run-time error counts, and the first run-time error in evaluation order is the one reported. Never
/// executes code: a name is a NameError, anything else (calls, strings, subscripts) a SyntaxError. Ints beyond
/// int64 continue as floats (Unsupported where Python's exact big-int result would be needed, e.g. ^ on them).
/// Beyond kMaxNesting, kMaxParentheses or kMaxExpressionLength the result is TooComplex, with the limit in the detail.
PyEvalResult evalPythonArithmetic(std::string_view expression);

/// Python's float(str) for the strings the post-processor can produce (no letters): optional sign,
/// digits with single underscores between them, an optional fraction. Anything else is a ValueError.
PyEvalResult pythonFloat(std::string_view text);

} // namespace wb::eval
