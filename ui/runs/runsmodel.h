// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/run/outcomecounts.h"
#include "ui/runs/runrow.h"

#include <QAbstractTableModel>

#include <vector>

namespace wb::run {
struct Progress;
}

namespace wb::ui {

/// The runs of a results database (store::Store::listRuns), newest first, with live counts for the run that
/// is executing.
class RunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        NameColumn,
        DatasetColumn,
        MethodColumn,
        ModelColumn,
        StatusColumn,
        CallsColumn,
        ResultsColumn,
        AccuracyColumn,
        CoverageColumn, ///< answered / planned, with the problems without an answer or with an error
        ColumnCount,
    };
    Q_ENUM(Column)

    // Unscoped so the values convert to int roles without casts.
    enum Roles {
        SortRole = Qt::UserRole, ///< raw value: numbers as numbers
        RunIdRole,
        StatusRole, ///< store::RunStatus as int
    };

    explicit RunsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces every row (a fresh read of the database).
    void setRows(std::vector<RunRow> rows);
    /// Live figures of an executing run; ignored when the run is not listed.
    void updateProgress(wb::store::RowId runId, const wb::run::Progress& progress);
    void setStatus(wb::store::RowId runId, wb::store::RunStatus status);

    const RunRow* row(int row) const;
    const RunRow* findRun(wb::store::RowId runId) const;
    int rowOf(wb::store::RowId runId) const;

    /// correct / answered (errors and unanswered problems are left out, see coverage); -1 when nothing was
    /// answered: the accuracy is then unknown, not 0.
    static double accuracy(const RunRow& row);
    /// How the run's planned problems ended.
    static wb::run::OutcomeCounts outcomes(const RunRow& row);

private:
    std::vector<RunRow> m_rows;
};

} // namespace wb::ui
