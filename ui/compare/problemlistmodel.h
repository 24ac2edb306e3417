// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/compare/comparisondata.h"

#include <QAbstractTableModel>

#include <memory>

namespace wb::ui {

/// The problems behind a clicked bar or flip cell, with the answers of one or two runs.
class ProblemListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Unscoped: Qt's view API takes plain ints for columns and roles.
    enum Column {
        IndexColumn,
        IdColumn,
        TextColumn,
        GoldColumn,
        AnswerAColumn,
        CorrectAColumn,
        AnswerBColumn,
        CorrectBColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole,
        ProblemIndexRole, ///< index of the problem in its dataset
    };

    explicit ProblemListModel(QObject* parent = nullptr);

    /// Lists `problems` of run `runA`'s dataset; `runB` (0 = none) adds a second pair of answer columns.
    void setProblems(std::shared_ptr<const ComparisonData> data, wb::store::RowId runA, wb::store::RowId runB,
        std::vector<std::int64_t> problems);
    void clear();
    wb::store::RowId runA() const { return m_runA ? m_runA->record.id : 0; }
    wb::store::RowId runB() const { return m_runB ? m_runB->record.id : 0; }
    std::int64_t problemIndex(int row) const { return m_problems[static_cast<std::size_t>(row)]; }
    const std::vector<std::int64_t>& problems() const { return m_problems; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant outcomeData(const RunOutcome* run, std::int64_t problem, bool answer, int role) const;

    std::shared_ptr<const ComparisonData> m_data;
    const RunOutcome* m_runA = nullptr;
    const RunOutcome* m_runB = nullptr;
    std::vector<std::int64_t> m_problems;
};

} // namespace wb::ui
