// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/problem.h"
#include "core/eval/extractors.h"

namespace wb::eval {

constexpr double kNumericTolerance = 1e-4;
constexpr double kRelativeTolerance = 1e-9;

/// |pred - gold| < max(tolerance, 1e-9 * |gold|) (like Python's math.isclose with abs_tol = 1e-4): the absolute
/// 1e-4 of i3c-method.md §5.6 decides for every realistic answer; the relative part only absorbs float noise
/// of huge values. So 0.5 vs 0.50009 matches, 114201 vs 114200 does not.
bool numbersMatch(double predicted, double gold, double tolerance = kNumericTolerance);

/// Choice letters compare case-insensitively after trimming ("(c)" and "C" match).
bool choicesMatch(std::string_view predicted, std::string_view gold);

enum class Verdict { Correct, Incorrect, NoAnswer, NoGold };
const char* verdictName(Verdict verdict);

/// Scores an extracted answer against the problem's gold: choice letter when the problem has one, else the
/// numeric gold. A missing or unparsable answer is NoAnswer (counted as incorrect in accuracy).
Verdict scoreAnswer(const ExtractedAnswer& answer, const dataset::Problem& problem);

} // namespace wb::eval
