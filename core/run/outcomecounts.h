// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/eval/statistics.h"
#include "core/store/records.h"

#include <cstddef>
#include <string>

namespace wb::run {

/// How a run's planned problems ended: the figures shown beside every accuracy (docs/outcomes.md).
struct OutcomeCounts {
    std::size_t planned = 0;
    std::size_t correct = 0;
    std::size_t wrong = 0;
    std::size_t noAnswer = 0;
    std::size_t errors = 0;

    std::size_t answered() const { return correct + wrong; }
    /// Planned problems without a result yet (never run, or cancelled before they finished).
    std::size_t unfinished() const;
    /// correct / answered with its Wilson interval; not defined() when nothing was answered.
    eval::Accuracy accuracy() const { return eval::accuracyOf(correct, answered(), planned); }
    /// True when every planned problem was answered.
    bool clean() const { return answered() == planned; }

    static OutcomeCounts of(const store::RunRecord& run, std::size_t planned);
};

/// The run's status as people should read it: "completed" only when every planned problem was answered,
/// otherwise e.g. "completed with 2 errors, 3 without answer" or "failed: nothing answered (36 errors)".
std::string statusText(store::RunStatus status, const OutcomeCounts& counts);

/// "0.8125 (13/16 answered), 95% CI [0.5699, 0.9340]" or "n/a (nothing answered)".
std::string accuracyText(const eval::Accuracy& accuracy);

/// "coverage 16/20 (0.80), 3 without answer, 1 error": what the accuracy leaves out.
std::string coverageText(const OutcomeCounts& counts);

} // namespace wb::run
