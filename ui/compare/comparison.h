// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/eval/statistics.h"
#include "ui/compare/comparisondata.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace wb::ui {

/// Bars of one chart: categories along the axis, one set per chosen run. Plain data, so charts, tables
/// and the HTML report draw the same numbers.
struct BarChartData {
    struct Set {
        QString label; ///< tells the run apart from the other chosen runs (runlabels.h)
        QString colorKey; ///< the method id: the same method has the same hue in every chart
        int shade = 0; ///< n-th set of the same method: a lighter shade of its hue
        std::vector<std::optional<wb::eval::Accuracy>> values; ///< per category; nullopt = no bar
        std::vector<wb::store::RowId> runs; ///< per category: the run behind the bar (0 = none)
        std::vector<std::vector<std::int64_t>> problems; ///< per category: the problems counted
    };
    QString title;
    QString axisTitle;
    QStringList categories;
    std::vector<Set> sets;
};

/// Accuracy by run × dataset: one set per chosen run (by method, newest first), one category per dataset. Every
/// chosen run has its bar, also when several share a method and a dataset.
BarChartData accuracyByDataset(const ComparisonData& data, const std::vector<wb::store::RowId>& runs);
/// Accuracy of each chosen run by its number of irrelevant-condition candidates: 0, 1, 2, 3+. A problem's
/// count is the largest any chosen run recorded for it (methods without relevance analysis record none).
BarChartData accuracyByCandidates(const ComparisonData& data, const std::vector<wb::store::RowId>& runs);
/// Accuracy of each chosen run on problems with and without gold-annotated irrelevant conditions.
BarChartData accuracyByGoldIrrelevant(const ComparisonData& data, const std::vector<wb::store::RowId>& runs);

} // namespace wb::ui
