// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/problem.h"
#include "core/relevance/relevance.h"

#include <QAbstractTableModel>

#include <optional>

namespace wb::ui {

/// One row per condition of the inspected problem: its text, s(q), s(c), the paper's reference s(q),
/// and the candidate / reference-candidate / gold-irrelevant marks.
class ConditionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Unscoped: Qt's view API takes plain ints for columns and roles.
    enum Column {
        LabelColumn,
        SqColumn,
        ScColumn,
        ReferenceSqColumn,
        CandidateColumn,
        ReferenceCandidateColumn,
        GoldColumn,
        TextColumn,
        ColumnCount,
    };
    enum Role {
        SortRole = Qt::UserRole, ///< raw value (double for scores, bool for marks)
        HeatValueRole, ///< score painted by HeatDelegate; invalid for non-score columns
    };

    explicit ConditionTableModel(QObject* parent = nullptr);

    void setProblem(const wb::dataset::Problem& problem);
    void clear();
    /// Scores and candidates from core::relevance for the current problem; nullopt while computing.
    void setReport(const std::optional<wb::relevance::RelevanceReport>& report);
    const std::optional<wb::relevance::RelevanceReport>& report() const { return m_report; }
    const wb::dataset::Problem& problem() const { return m_problem; }

    bool isCandidate(int condition) const;
    bool isGoldIrrelevant(int condition) const;
    bool isReferenceCandidate(int condition) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::optional<double> score(int row, int column) const;
    std::optional<bool> mark(int row, int column) const;

    wb::dataset::Problem m_problem;
    std::optional<wb::relevance::RelevanceReport> m_report;
};

} // namespace wb::ui
