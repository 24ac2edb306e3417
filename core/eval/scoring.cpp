// SPDX-License-Identifier: Apache-2.0
#include "core/eval/scoring.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace wb::eval {

bool numbersMatch(double predicted, double gold, double tolerance)
{
    if (!std::isfinite(predicted) || !std::isfinite(gold))
        return false;
    return std::fabs(predicted - gold) < std::max(tolerance, kRelativeTolerance * std::fabs(gold));
}

namespace {
std::string letterOf(std::string_view s)
{
    for (char c : s) {
        if (std::isalpha(static_cast<unsigned char>(c)))
            return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return {};
}
} // namespace

bool choicesMatch(std::string_view predicted, std::string_view gold)
{
    const std::string p = letterOf(predicted);
    return !p.empty() && p == letterOf(gold);
}

const char* verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Correct:
        return "correct";
    case Verdict::Incorrect:
        return "incorrect";
    case Verdict::NoAnswer:
        return "no-answer";
    case Verdict::NoGold:
        return "no-gold";
    }
    return "?";
}

Verdict scoreAnswer(const ExtractedAnswer& answer, const dataset::Problem& problem)
{
    if (!problem.goldChoice.empty()) {
        if (!answer.found || answer.choice.empty())
            return Verdict::NoAnswer;
        return choicesMatch(answer.choice, problem.goldChoice) ? Verdict::Correct : Verdict::Incorrect;
    }
    if (!problem.goldNumber)
        return Verdict::NoGold;
    if (!answer.found || !answer.number)
        return Verdict::NoAnswer;
    return numbersMatch(*answer.number, *problem.goldNumber) ? Verdict::Correct : Verdict::Incorrect;
}

} // namespace wb::eval
