// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wb::eval {

/// z for a two-sided 95% interval.
constexpr double kZ95 = 1.959963984540054;

struct Interval {
    double low = 0.0;
    double high = 0.0;
};

/// Accuracy k/n with its Wilson score interval, over the `total` answered items of `planned`.
struct Accuracy {
    std::size_t correct = 0;
    std::size_t total = 0; ///< answered items: the denominator
    double value = 0.0; ///< correct / total (0 when total is 0: check defined())
    Interval ci; ///< Wilson 95% interval ([0,1] when total is 0)
    std::size_t planned = 0; ///< items asked for, answered or not (total for an all-answered input)
    /// False when nothing was answered: the accuracy is then unknown (null), not 0.
    bool defined() const { return total > 0; }
    /// answered / planned (0 when nothing was planned).
    double coverage() const { return planned ? double(total) / double(planned) : 0.0; }
};

/// One item's outcome: true = correct, false = wrong, nullopt = not answered (no answer or error).
using Outcome = std::optional<bool>;

/// Wilson score interval for k successes out of n (n = 0 gives [0, 1]).
Interval wilsonInterval(std::size_t k, std::size_t n, double z = kZ95);
Accuracy accuracy(const std::vector<bool>& correct);
/// Accuracy over the answered items only; planned = outcomes.size().
Accuracy accuracy(const std::vector<Outcome>& outcomes);
/// Accuracy of `correct` of `answered` problems out of `planned`.
Accuracy accuracyOf(std::size_t correct, std::size_t answered, std::size_t planned);

/// Two runs over the same problems, item by item: a = first run, b = second run.
struct FlipTable {
    std::size_t bothRight = 0;
    std::size_t bothWrong = 0;
    std::size_t rightToWrong = 0; ///< right in a, wrong in b
    std::size_t wrongToRight = 0; ///< wrong in a, right in b
    std::size_t total() const { return bothRight + bothWrong + rightToWrong + wrongToRight; }
};

/// Requires a.size() == b.size(); extra items of the longer vector are ignored.
FlipTable flipTable(const std::vector<bool>& a, const std::vector<bool>& b);

/// Exact McNemar test: two-sided binomial test of the discordant pairs (b, c) against p = 1/2,
/// p = min(1, 2 * P[X <= min(b, c)]) with X ~ Bin(b + c, 1/2). b = c = 0 gives 1.
double mcnemarExactP(std::size_t b, std::size_t c);

/// Paired percentile bootstrap of accuracy(b) - accuracy(a): `iterations` resamples of the item indices
/// with replacement, drawn from std::mt19937_64(seed) (its sequence is fixed by the C++ standard, so the
/// interval is the same on every platform). Empty input gives [0, 0].
Interval pairedBootstrapDifference(const std::vector<bool>& a, const std::vector<bool>& b,
    std::size_t iterations = 10000, std::uint64_t seed = 12345, double level = 0.95);

/// Accuracy of one group of a breakdown.
struct GroupAccuracy {
    std::string key;
    Accuracy accuracy;
};

/// Groups items by `keys[i]` (e.g. dataset name, "candidates=2", "gold-irrelevant=yes") and returns each
/// group's accuracy with its Wilson interval, ordered by key.
std::vector<GroupAccuracy> breakdown(const std::vector<std::string>& keys, const std::vector<bool>& correct);
/// The same over outcomes: each group's accuracy is over its answered items, with its planned count.
std::vector<GroupAccuracy> breakdown(const std::vector<std::string>& keys, const std::vector<Outcome>& outcomes);

} // namespace wb::eval
