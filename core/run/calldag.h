// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace wb::run {

/// The calls of one problem as a small DAG. Steps are given in plan order; consecutive steps that share a group
/// (the part of the name before ':', e.g. "verify:0", "verify:1") form one stage and may run in parallel. Every
/// step depends on all steps of the previous stage, so for I3C: verify:* ‖ → reason → extract.
class CallDag {
public:
    enum class State { Pending, Running, Finished, Failed };

    explicit CallDag(std::vector<std::string> steps);

    /// "verify:3" → "verify"; "reason" → "reason".
    static std::string groupOf(const std::string& step);

    std::size_t size() const { return m_steps.size(); }
    const std::vector<std::string>& steps() const { return m_steps; }
    std::size_t stageOf(std::size_t step) const { return m_stage[step]; }
    std::size_t stageCount() const { return m_stageCount; }
    State state(std::size_t step) const { return m_state[step]; }
    /// Index of a step by name, or npos.
    std::size_t find(const std::string& step) const;

    /// Pending steps whose dependencies have all finished (none of them failed), in plan order, marked Running.
    std::vector<std::size_t> takeReady();
    /// Marks a step finished without running it (resume: its response is already stored).
    void markFinished(std::size_t step);
    void markFailed(std::size_t step);
    /// Puts a Running step back to Pending (cancelled before it finished).
    void markPending(std::size_t step);

    /// Every step finished.
    bool complete() const;
    /// Some step failed and nothing is running any more; the problem cannot finish.
    bool blocked() const;
    /// The first stage that still has unfinished steps (stageCount() when complete).
    std::size_t currentStage() const;
    std::size_t finishedCount() const;

private:
    bool stageFinished(std::size_t stage) const;

    std::vector<std::string> m_steps;
    std::vector<std::size_t> m_stage;
    std::vector<State> m_state;
    std::size_t m_stageCount = 0;
};

} // namespace wb::run
