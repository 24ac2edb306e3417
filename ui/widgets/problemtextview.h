// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/problem.h"
#include "ui/delegates/colorscale.h"

#include <QTextBrowser>

#include <vector>

namespace wb::ui {

/// The problem text with every condition tinted by its s(q), candidates underlined with a dashed line and
/// gold-irrelevant conditions tagged with a badge. Conditions are located in the original text when they
/// appear there in order; otherwise the segmented conditions are shown one after another.
class ProblemTextView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ProblemTextView(QWidget* parent = nullptr);

    /// `sq` may be empty (scores not computed yet); `candidates` are condition indices.
    void showProblem(
        const wb::dataset::Problem& problem, const std::vector<double>& sq, const std::vector<int>& candidates);
    void showMessage(const QString& message);

    /// True when the last render found every condition in the original text.
    bool conditionsLocated() const { return m_located; }

private:
    ColorScale m_scale;
    bool m_located = false;
};

} // namespace wb::ui
