// SPDX-License-Identifier: Apache-2.0
// Store: the names under which call and problem statuses are written (schema CHECK constraints list them too).
#include "core/store/records.h"

#include <array>

namespace wb::store {

namespace {

constexpr std::array<const char*, 6> kCallStatusNames
    = { "done", "truncated", "empty", "filtered", "malformed", "error" };
constexpr std::array<const char*, 4> kProblemStatusNames = { "correct", "wrong", "no_answer", "error" };

template <class Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<const char*, N>& names, std::string_view name)
{
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (name == names[i])
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

} // namespace

const char* callStatusName(CallStatus status) { return kCallStatusNames[static_cast<std::size_t>(status)]; }

std::optional<CallStatus> callStatusFromName(std::string_view name)
{
    return fromName<CallStatus>(kCallStatusNames, name);
}

bool callHasText(CallStatus status) { return status == CallStatus::Done || status == CallStatus::Truncated; }

bool callFailed(CallStatus status) { return status == CallStatus::Malformed || status == CallStatus::Error; }

const char* problemStatusName(ProblemStatus status) { return kProblemStatusNames[static_cast<std::size_t>(status)]; }

std::optional<ProblemStatus> problemStatusFromName(std::string_view name)
{
    return fromName<ProblemStatus>(kProblemStatusNames, name);
}

} // namespace wb::store
