// SPDX-License-Identifier: Apache-2.0
#include "core/eval/statistics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace wb::eval {

Interval wilsonInterval(std::size_t k, std::size_t n, double z)
{
    if (n == 0)
        return { 0.0, 1.0 };
    const double nn = static_cast<double>(n);
    const double p = static_cast<double>(k) / nn;
    const double z2 = z * z;
    const double denom = 1.0 + z2 / nn;
    const double centre = (p + z2 / (2.0 * nn)) / denom;
    const double half = z * std::sqrt(p * (1.0 - p) / nn + z2 / (4.0 * nn * nn)) / denom;
    return { std::max(0.0, centre - half), std::min(1.0, centre + half) };
}

Accuracy accuracyOf(std::size_t correct, std::size_t answered, std::size_t planned)
{
    Accuracy a;
    a.total = answered;
    a.correct = correct;
    a.planned = planned;
    a.value = a.total == 0 ? 0.0 : static_cast<double>(a.correct) / static_cast<double>(a.total);
    a.ci = wilsonInterval(a.correct, a.total);
    return a;
}

Accuracy accuracy(const std::vector<bool>& correct)
{
    const auto right = static_cast<std::size_t>(std::count(correct.begin(), correct.end(), true));
    return accuracyOf(right, correct.size(), correct.size());
}

Accuracy accuracy(const std::vector<Outcome>& outcomes)
{
    std::size_t right = 0;
    std::size_t answered = 0;
    for (const Outcome& outcome : outcomes) {
        answered += outcome.has_value();
        right += outcome.value_or(false);
    }
    return accuracyOf(right, answered, outcomes.size());
}

FlipTable flipTable(const std::vector<bool>& a, const std::vector<bool>& b)
{
    FlipTable t;
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (a[i] && b[i])
            ++t.bothRight;
        else if (!a[i] && !b[i])
            ++t.bothWrong;
        else if (a[i])
            ++t.rightToWrong;
        else
            ++t.wrongToRight;
    }
    return t;
}

double mcnemarExactP(std::size_t b, std::size_t c)
{
    const std::size_t n = b + c;
    if (n == 0)
        return 1.0;
    const std::size_t k = std::min(b, c);
    // Sum the binomial tail in log space so that thousands of discordant pairs do not underflow term by term.
    const double logHalfN = static_cast<double>(n) * std::log(0.5);
    double tail = 0.0;
    for (std::size_t i = 0; i <= k; ++i) {
        const double logC = std::lgamma(static_cast<double>(n) + 1.0) - std::lgamma(static_cast<double>(i) + 1.0)
            - std::lgamma(static_cast<double>(n - i) + 1.0);
        tail += std::exp(logC + logHalfN);
    }
    return std::min(1.0, 2.0 * tail);
}

Interval pairedBootstrapDifference(
    const std::vector<bool>& a, const std::vector<bool>& b, std::size_t iterations, std::uint64_t seed, double level)
{
    const std::size_t n = std::min(a.size(), b.size());
    if (n == 0 || iterations == 0)
        return { 0.0, 0.0 };
    std::mt19937_64 rng(seed);
    // Rejection sampling on the raw engine output: std::uniform_int_distribution is implementation-defined.
    const std::uint64_t range = static_cast<std::uint64_t>(n);
    const std::uint64_t limit = std::mt19937_64::max() - (std::mt19937_64::max() % range);
    std::vector<double> diffs;
    diffs.reserve(iterations);
    for (std::size_t it = 0; it < iterations; ++it) {
        long long delta = 0;
        for (std::size_t j = 0; j < n; ++j) {
            std::uint64_t x = rng();
            while (x >= limit)
                x = rng();
            const std::size_t idx = static_cast<std::size_t>(x % range);
            delta += static_cast<int>(b[idx]) - static_cast<int>(a[idx]);
        }
        diffs.push_back(static_cast<double>(delta) / static_cast<double>(n));
    }
    std::sort(diffs.begin(), diffs.end());
    const double alpha = (1.0 - level) / 2.0;
    const auto at = [&](double q) {
        // Nearest-rank percentile: deterministic and needs no interpolation convention.
        const double pos = std::ceil(q * static_cast<double>(iterations)) - 1.0;
        const auto idx = static_cast<std::size_t>(std::clamp(pos, 0.0, static_cast<double>(iterations - 1)));
        return diffs[idx];
    };
    return { at(alpha), at(1.0 - alpha) };
}

namespace {

template <class Item>
std::vector<GroupAccuracy> groupAccuracies(const std::vector<std::string>& keys, const std::vector<Item>& items)
{
    std::map<std::string, std::vector<Item>> groups;
    const std::size_t n = std::min(keys.size(), items.size());
    for (std::size_t i = 0; i < n; ++i)
        groups[keys[i]].push_back(items[i]);
    std::vector<GroupAccuracy> out;
    for (const auto& [key, group] : groups)
        out.push_back({ key, accuracy(group) });
    return out;
}

} // namespace

std::vector<GroupAccuracy> breakdown(const std::vector<std::string>& keys, const std::vector<bool>& correct)
{
    return groupAccuracies(keys, correct);
}

std::vector<GroupAccuracy> breakdown(const std::vector<std::string>& keys, const std::vector<Outcome>& outcomes)
{
    return groupAccuracies(keys, outcomes);
}

} // namespace wb::eval
