// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/compare/comparisondata.h"

#include "core/eval/statistics.h"

#include <QAbstractTableModel>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace wb::ui {

/// Accuracy of each chosen run over its answered problems, with its Wilson 95% interval and, beside it, the
/// planned problems, the coverage, and the problems without an answer or with an error: the table under the
/// charts and in exports. The settings that differ between the chosen runs are named per row. A grouping (e.g.
/// problem tags) splits each run into one row per group.
class AccuracyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Unscoped: Qt's view API takes plain ints for columns and roles.
    enum Column {
        RunColumn,
        MethodColumn,
        ModelColumn,
        DatasetColumn,
        SettingsColumn, ///< the settings that differ between the chosen runs
        GroupColumn, ///< the group of a grouped table; empty without a grouping
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

    /// The groups a problem of a run belongs to (none, one or several).
    using Grouping = std::function<std::vector<std::string>(const RunOutcome& run, std::int64_t problem)>;

    void setRuns(std::shared_ptr<const ComparisonData> data, const std::vector<wb::store::RowId>& runs);
    /// Splits every run into one row per group `grouping` names, under the header `title`; an empty
    /// grouping returns to one row per run.
    void setGrouping(const QString& title, Grouping grouping);
    bool grouped() const { return static_cast<bool>(m_grouping); }
    const wb::eval::Accuracy& accuracy(int row) const { return m_rows[static_cast<std::size_t>(row)].accuracy; }
    const RunOutcome& run(int row) const { return *m_rows[static_cast<std::size_t>(row)].run; }
    const QString& group(int row) const { return m_rows[static_cast<std::size_t>(row)].group; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        const RunOutcome* run = nullptr;
        QString group; ///< empty without a grouping
        QString settings; ///< what differs from the other chosen runs
        wb::eval::Accuracy accuracy;
        std::size_t noAnswer = 0;
        std::size_t errors = 0;
    };
    void rebuild();
    void addGroupRows(const RunOutcome& run, const QString& settings);

    std::shared_ptr<const ComparisonData> m_data;
    std::vector<wb::store::RowId> m_runIds;
    QString m_groupTitle;
    Grouping m_grouping;
    std::vector<Row> m_rows;
};

} // namespace wb::ui
