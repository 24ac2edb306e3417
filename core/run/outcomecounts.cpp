// SPDX-License-Identifier: Apache-2.0
#include "core/run/outcomecounts.h"

#include <cstdio>

namespace wb::run {

namespace {

std::string plural(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// "2 errors, 3 without answer, 4 unfinished" (only the non-zero parts).
std::string missingParts(const OutcomeCounts& counts)
{
    std::string text;
    const auto add = [&text](std::size_t n, const char* one, const char* many) {
        if (n)
            text += (text.empty() ? "" : ", ") + plural(n, one, many);
    };
    add(counts.errors, "error", "errors");
    add(counts.noAnswer, "without answer", "without answer");
    add(counts.unfinished(), "unfinished", "unfinished");
    return text;
}

} // namespace

std::size_t OutcomeCounts::unfinished() const
{
    const std::size_t ended = correct + wrong + noAnswer + errors;
    return planned > ended ? planned - ended : 0;
}

OutcomeCounts OutcomeCounts::of(const store::RunRecord& run, std::size_t planned)
{
    return { planned, run.correct, run.wrong, run.noAnswer, run.errors };
}

std::string statusText(store::RunStatus status, const OutcomeCounts& counts)
{
    const std::string name = store::runStatusName(status);
    if (status == store::RunStatus::Planned || status == store::RunStatus::Running || counts.clean())
        return name;
    const std::string missing = missingParts(counts);
    if (counts.answered() == 0)
        return name + ": nothing answered" + (missing.empty() ? std::string() : " (" + missing + ")");
    return name + " with " + missing;
}

std::string accuracyText(const eval::Accuracy& accuracy)
{
    if (!accuracy.defined())
        return "n/a (nothing answered)";
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "%.4f (%zu/%zu answered), 95%% CI [%.4f, %.4f]", accuracy.value,
        accuracy.correct, accuracy.total, accuracy.ci.low, accuracy.ci.high);
    return buffer;
}

std::string coverageText(const OutcomeCounts& counts)
{
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "coverage %zu/%zu (%.2f)", counts.answered(), counts.planned,
        counts.planned ? double(counts.answered()) / double(counts.planned) : 0.0);
    const std::string missing = missingParts(counts);
    return missing.empty() ? std::string(buffer) : std::string(buffer) + ", " + missing;
}

} // namespace wb::run
