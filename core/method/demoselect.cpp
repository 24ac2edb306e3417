// SPDX-License-Identifier: Apache-2.0
#include "core/method/demoselect.h"

#include "core/common/text.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>

namespace wb::method {

namespace {

std::vector<std::string> solutionLines(std::string_view solution)
{
    std::vector<std::string> lines;
    for (const std::string& line : text::split(solution, '\n')) {
        const std::string t = text::trimmed(line);
        if (t.empty())
            continue;
        if (text::startsWith(t, "####"))
            break;
        lines.push_back(t);
    }
    return lines;
}

std::string removeAnnotations(std::string_view line)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const std::size_t open = line.find("<<", pos);
        if (open == std::string_view::npos) {
            out += line.substr(pos);
            break;
        }
        const std::size_t close = line.find(">>", open + 2);
        if (close == std::string_view::npos) {
            out += line.substr(pos);
            break;
        }
        out += line.substr(pos, open - pos);
        pos = close + 2;
    }
    return out;
}

/// A uniform double in [0, 1) from the engine's raw output; std::uniform_real_distribution is
/// implementation-defined, which would make the selection differ between standard libraries.
double unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

double squaredDistance(const std::vector<double>& a, const std::vector<double>& b)
{
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = a[i] - b[i];
        s += d * d;
    }
    return s;
}

} // namespace

std::size_t countReasoningSteps(std::string_view solution) { return solutionLines(solution).size(); }

std::size_t countCalculatorAnnotations(std::string_view solution)
{
    std::size_t n = 0;
    std::size_t pos = 0;
    while ((pos = solution.find("<<", pos)) != std::string_view::npos) {
        const std::size_t close = solution.find(">>", pos + 2);
        if (close == std::string_view::npos)
            break;
        ++n;
        pos = close + 2;
    }
    return n;
}

std::string cotFromSolution(std::string_view solution)
{
    std::vector<std::string> lines;
    for (const std::string& line : solutionLines(solution))
        lines.push_back(removeAnnotations(line));
    std::string out = text::join(lines, "\n");
    const std::size_t hashes = solution.rfind("####");
    if (hashes != std::string_view::npos) {
        const std::string answer = text::trimmed(solution.substr(hashes + 4));
        if (!answer.empty()) {
            // Appended piece by piece: GCC 12 reports a false -Wrestrict on `const char* + std::string&&`.
            if (!out.empty())
                out += ' ';
            out.append("The answer is ").append(answer).append(".");
        }
    }
    return out;
}

std::vector<std::size_t> selectComplexCot(const std::vector<dataset::Problem>& pool, std::size_t k)
{
    struct Entry {
        std::size_t index, steps, annotations;
    };
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < pool.size(); ++i) {
        if (pool[i].rationale.empty())
            continue;
        entries.push_back({ i, countReasoningSteps(pool[i].rationale), countCalculatorAnnotations(pool[i].rationale) });
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.steps != b.steps)
            return a.steps > b.steps;
        if (a.annotations != b.annotations)
            return a.annotations > b.annotations;
        return a.index < b.index;
    });
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < entries.size() && out.size() < k; ++i)
        out.push_back(entries[i].index);
    return out;
}

std::vector<std::size_t> selectAutoCot(const std::vector<dataset::Problem>& pool,
    const std::vector<std::vector<float>>& vectors, std::size_t k, std::uint64_t seed, std::size_t maxQuestionWords)
{
    const std::size_t n = std::min(pool.size(), vectors.size());
    if (n == 0 || k == 0)
        return {};
    k = std::min(k, n);
    std::vector<std::vector<double>> points(n);
    for (std::size_t i = 0; i < n; ++i) {
        double norm = 0.0;
        for (float v : vectors[i])
            norm += static_cast<double>(v) * v;
        norm = norm > 0.0 ? std::sqrt(norm) : 1.0;
        points[i].reserve(vectors[i].size());
        for (float v : vectors[i])
            points[i].push_back(v / norm);
        points[i].resize(vectors[0].size(), 0.0);
    }

    // k-means++ seeding.
    std::mt19937_64 rng(seed);
    std::vector<std::vector<double>> centroids;
    centroids.push_back(points[static_cast<std::size_t>(unit(rng) * static_cast<double>(n))]);
    std::vector<double> nearest(n, std::numeric_limits<double>::infinity());
    while (centroids.size() < k) {
        double total = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            nearest[i] = std::min(nearest[i], squaredDistance(points[i], centroids.back()));
            total += nearest[i];
        }
        std::size_t pick = 0;
        if (total <= 0.0) {
            pick = static_cast<std::size_t>(unit(rng) * static_cast<double>(n));
        } else {
            double target = unit(rng) * total;
            for (pick = 0; pick + 1 < n; ++pick) {
                target -= nearest[pick];
                if (target < 0.0)
                    break;
            }
        }
        centroids.push_back(points[pick]);
    }

    // Lloyd iterations until the assignment is stable.
    std::vector<std::size_t> assign(n, k);
    for (int iteration = 0; iteration < 300; ++iteration) {
        bool changed = false;
        for (std::size_t i = 0; i < n; ++i) {
            std::size_t best = 0;
            double bestD = std::numeric_limits<double>::infinity();
            for (std::size_t c = 0; c < k; ++c) {
                const double d = squaredDistance(points[i], centroids[c]);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            if (assign[i] != best) {
                assign[i] = best;
                changed = true;
            }
        }
        if (!changed)
            break;
        for (std::size_t c = 0; c < k; ++c) {
            std::vector<double> sum(points[0].size(), 0.0);
            std::size_t count = 0;
            for (std::size_t i = 0; i < n; ++i) {
                if (assign[i] != c)
                    continue;
                ++count;
                for (std::size_t d = 0; d < sum.size(); ++d)
                    sum[d] += points[i][d];
            }
            if (count == 0)
                continue; // keep the old centroid; an empty cluster yields no demonstration
            for (double& v : sum)
                v /= static_cast<double>(count);
            centroids[c] = std::move(sum);
        }
    }

    struct Pick {
        std::size_t firstMember;
        std::size_t chosen;
    };
    std::vector<Pick> picks;
    for (std::size_t c = 0; c < k; ++c) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < n; ++i) {
            if (assign[i] == c)
                members.push_back(i);
        }
        if (members.empty())
            continue;
        std::vector<std::size_t> byDistance = members;
        std::stable_sort(byDistance.begin(), byDistance.end(), [&](std::size_t a, std::size_t b) {
            return squaredDistance(points[a], centroids[c]) < squaredDistance(points[b], centroids[c]);
        });
        std::size_t chosen = byDistance.front();
        for (std::size_t idx : byDistance) {
            std::istringstream words(pool[idx].text);
            const auto count = static_cast<std::size_t>(
                std::distance(std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()));
            if (count <= maxQuestionWords) {
                chosen = idx;
                break;
            }
        }
        picks.push_back({ members.front(), chosen });
    }
    std::sort(picks.begin(), picks.end(), [](const Pick& a, const Pick& b) { return a.firstMember < b.firstMember; });
    std::vector<std::size_t> out;
    for (const Pick& p : picks)
        out.push_back(p.chosen);
    return out;
}

std::vector<std::size_t> selectI3cSelect(
    const std::vector<dataset::Problem>& pool, const std::vector<double>& confusionScores, std::size_t k)
{
    const std::size_t n = std::min(pool.size(), confusionScores.size());
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isnan(confusionScores[i]))
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return confusionScores[a] < confusionScores[b]; });
    if (order.size() > k)
        order.resize(k);
    return order;
}

DemoSet makeDemoSet(const std::string& name, const std::string& howMade, const std::vector<dataset::Problem>& pool,
    const std::vector<std::size_t>& indices, bool reasoningFromSolution, const std::vector<double>& scores)
{
    DemoSet set { name, howMade, {} };
    for (std::size_t idx : indices) {
        if (idx >= pool.size())
            continue;
        DemoItem item;
        item.question = pool[idx].text;
        item.answer = pool[idx].rationale.empty() ? pool[idx].goldAnswerText : pool[idx].rationale;
        if (reasoningFromSolution)
            item.reasoning = cotFromSolution(pool[idx].rationale);
        if (idx < scores.size())
            item.score = scores[idx];
        set.items.push_back(std::move(item));
    }
    return set;
}

} // namespace wb::method
