// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/compare/comparisondata.h"

#include "core/eval/statistics.h"

#include <QAbstractTableModel>

#include <memory>

namespace wb::ui {

/// Accuracy of each chosen run over its answered problems, with its Wilson 95% interval and, beside it, the
/// planned problems, the coverage, and the problems without an answer or with an error: the table under the
/// charts and in exports.
class AccuracyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Unscoped: Qt's view API takes plain ints for columns and roles.
    enum Column {
        RunColumn,
        MethodColumn,
        ModelColumn,
        DatasetColumn,
        CorrectColumn,
        TotalColumn, ///< answered problems: the accuracy's denominator
        AccuracyColumn,
        CiLowColumn,
        CiHighColumn,
        PlannedColumn,
        CoverageColumn,
        NoAnswerColumn,
        ErrorsColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, ///< raw numbers
        RunIdRole,
    };

    explicit AccuracyTableModel(QObject* parent = nullptr);

    void setRuns(std::shared_ptr<const ComparisonData> data, const std::vector<wb::store::RowId>& runs);
    const wb::eval::Accuracy& accuracy(int row) const { return m_rows[static_cast<std::size_t>(row)].accuracy; }
    const RunOutcome& run(int row) const { return *m_rows[static_cast<std::size_t>(row)].run; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        const RunOutcome* run = nullptr;
        wb::eval::Accuracy accuracy;
    };
    std::shared_ptr<const ComparisonData> m_data;
    std::vector<Row> m_rows;
};

} // namespace wb::ui
