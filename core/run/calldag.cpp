// SPDX-License-Identifier: Apache-2.0
#include "core/run/calldag.h"

#include <algorithm>

namespace wb::run {

CallDag::CallDag(std::vector<std::string> steps)
    : m_steps(std::move(steps))
    , m_stage(m_steps.size(), 0)
    , m_state(m_steps.size(), State::Pending)
{
    std::string previousGroup;
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        const std::string group = groupOf(m_steps[i]);
        // A stage is a run of steps of the same group; only grouped ("name:k") steps share a stage.
        const bool sameStage = i > 0 && group == previousGroup && m_steps[i].find(':') != std::string::npos;
        if (i > 0 && !sameStage)
            ++m_stageCount;
        m_stage[i] = m_stageCount;
        previousGroup = group;
    }
    if (!m_steps.empty())
        ++m_stageCount;
}

std::string CallDag::groupOf(const std::string& step) { return step.substr(0, step.find(':')); }

std::size_t CallDag::find(const std::string& step) const
{
    const auto it = std::find(m_steps.begin(), m_steps.end(), step);
    return it == m_steps.end() ? std::string::npos : std::size_t(it - m_steps.begin());
}

bool CallDag::stageFinished(std::size_t stage) const
{
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        if (m_stage[i] == stage && m_state[i] != State::Finished)
            return false;
    }
    return true;
}

std::vector<std::size_t> CallDag::takeReady()
{
    std::vector<std::size_t> ready;
    const std::size_t stage = currentStage();
    if (stage >= m_stageCount)
        return ready;
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        if (m_stage[i] == stage && m_state[i] == State::Pending) {
            m_state[i] = State::Running;
            ready.push_back(i);
        }
    }
    return ready;
}

void CallDag::markFinished(std::size_t step) { m_state[step] = State::Finished; }
void CallDag::markFailed(std::size_t step) { m_state[step] = State::Failed; }
void CallDag::markPending(std::size_t step) { m_state[step] = State::Pending; }

bool CallDag::complete() const
{
    return std::all_of(m_state.begin(), m_state.end(), [](State s) { return s == State::Finished; });
}

bool CallDag::blocked() const
{
    const bool anyFailed = std::any_of(m_state.begin(), m_state.end(), [](State s) { return s == State::Failed; });
    const bool anyRunning = std::any_of(m_state.begin(), m_state.end(), [](State s) { return s == State::Running; });
    return anyFailed && !anyRunning;
}

std::size_t CallDag::currentStage() const
{
    for (std::size_t stage = 0; stage < m_stageCount; ++stage) {
        if (!stageFinished(stage))
            return stage;
    }
    return m_stageCount;
}

std::size_t CallDag::finishedCount() const
{
    return std::size_t(std::count(m_state.begin(), m_state.end(), State::Finished));
}

} // namespace wb::run
