// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/dataset/problem.h"
#include "core/eval/statistics.h"
#include "core/run/rundata.h"
#include "core/store/records.h"

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

namespace wb::run {

/// What identifies a problem across runs: the sha256 of its dataset file and the problem's id in that file.
/// A position is no identity: two runs may cover different subsets of a dataset, in any order.
struct ProblemKey {
    std::string datasetHash;
    std::string problemId;
    auto operator<=>(const ProblemKey&) const = default;
};

/// One problem of a run: which problem, where it sits in the run's dataset, and whether the run got it right.
struct ScoredProblem {
    ProblemKey key;
    std::int64_t index = 0;
    bool correct = false;
};

/// A run's scored problems, ready to be paired with another run's.
struct RunProblems {
    store::RowId runId = 0;
    std::vector<ScoredProblem> problems;
};

/// The answered ones of the first `outcomes.size()` problems of a dataset (those a run planned), keyed by
/// `datasetHash` and their ids, with outcomes[i] as the outcome of problems[i]. Unanswered problems (no answer,
/// error, no result) are left out, so that a paired comparison only pairs problems both runs answered: an
/// error is never a wrong answer. Fails (Database) when the dataset has fewer problems than outcomes: the store
/// lost some of its problems.
Result<std::vector<ScoredProblem>> scoredProblems(const std::string& datasetHash,
    const std::vector<dataset::Problem>& problems, const std::vector<eval::Outcome>& outcomes);

/// A run's answered problems, as outcomesPerProblem() and scoredProblems() make them.
Result<RunProblems> runProblems(const RunData& run);

/// A problem both runs covered, with each run's outcome.
struct PairedProblem {
    ProblemKey key;
    std::int64_t indexA = 0; ///< position in run A's dataset
    std::int64_t indexB = 0; ///< position in run B's dataset
    bool correctA = false;
    bool correctB = false;
};

/// Two runs compared problem by problem on the problems both answered: the flip table with its exact McNemar
/// p, and the paired bootstrap 95% interval of accuracy(B) - accuracy(A).
struct PairedComparison {
    enum Cell { BothRight, RightToWrong, WrongToRight, BothWrong, CellCount };
    store::RowId runA = 0;
    store::RowId runB = 0;
    std::vector<PairedProblem> problems; ///< in run A's order
    eval::Accuracy accuracyA; ///< over the paired problems only
    eval::Accuracy accuracyB;
    eval::FlipTable flips;
    double mcnemarP = 1.0;
    double difference = 0.0; ///< accuracyB - accuracyA
    eval::Interval differenceCi;
    /// Run A's problem indices per cell. A store holds each dataset once (its content hash is unique), so for two
    /// runs of one store these are run B's indices as well.
    std::vector<std::int64_t> cells[CellCount];
};

PairedComparison::Cell flipCell(bool correctA, bool correctB);

/// Pairs the problems of two runs by identity, whatever their order, and compares the runs on the problems
/// both answered. Fails (InvalidInput, naming both runs) when they share no answered problem — runs over
/// different datasets never pair — and when a run lists one problem twice (a dataset that repeats an id cannot be
/// paired by id).
Result<PairedComparison> comparePaired(const RunProblems& a, const RunProblems& b);

} // namespace wb::run
