// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/run/pairedcomparison.h"
#include "ui/compare/comparison.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace wb::ui {

/// What a comparison report shows. Charts come as SVG text and are embedded inline, so the file opens in any
/// browser without the workbench.
struct ComparisonReport {
    QString databasePath;
    QString programVersion;
    QString generatedAt; ///< ISO-8601
    std::vector<QByteArray> chartSvgs;
    std::vector<const RunOutcome*> runs; ///< the chosen runs, for the accuracy and configuration tables
    std::optional<wb::run::PairedComparison> pair;
    QString labelA;
    QString labelB;
};

/// A self-contained HTML page: charts, accuracy with Wilson 95% intervals, the flip table with the exact
/// McNemar p and the paired bootstrap interval, and each run's configuration (method and its hash, model,
/// parameters, dataset hash, program version). Credentials never appear: only fields known to be safe are
/// written, never the raw backend JSON.
QString comparisonReportHtml(const ComparisonReport& report);

bool writeComparisonReport(const ComparisonReport& report, const QString& path, QString* error = nullptr);

} // namespace wb::ui
