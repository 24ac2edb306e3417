// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/loader.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <vector>

namespace wb::ui {

/// The problems of one dataset as a table. It adapts the core vector in place: nothing is copied into Qt
/// strings up front, data() converts the one cell asked for.
class ProblemTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Unscoped: Qt's view API takes plain ints for columns and roles.
    enum Column {
        IndexColumn,
        IdColumn,
        TextColumn,
        ConditionsColumn,
        CandidatesColumn,
        GoldAnswerColumn,
        GoldIrrelevantColumn,
        ColumnCount,
    };
    enum Role {
        SortRole = Qt::UserRole, ///< raw value: numbers as numbers, so sorting is numeric
        ProblemIndexRole, ///< row in the dataset (stable across proxies)
    };

    /// Outcomes of one run, shown as two extra columns (✓/✗ and the extracted answer) after ColumnCount.
    struct RunResults {
        QString label; ///< e.g. "#3 zero-shot-cot"
        std::vector<std::optional<bool>> correct; ///< by problem row; nullopt = not planned or no result
        std::vector<QString> answers; ///< by problem row
    };

    /// Count stored while candidates have not been computed yet.
    static constexpr int kUnknownCount = -1;

    explicit ProblemTableModel(QObject* parent = nullptr);

    void setDataset(std::shared_ptr<const wb::dataset::Dataset> dataset);
    const std::shared_ptr<const wb::dataset::Dataset>& dataset() const { return m_dataset; }
    /// Problem at a source row, or nullptr when the row is out of range.
    const wb::dataset::Problem* problem(int row) const;

    /// Stores candidate counts for rows [first, first + counts.size()) and repaints that column.
    void setCandidateCounts(int first, const std::vector<int>& counts);
    /// Forgets all counts (e.g. θ changed); the column shows "…" until new counts arrive.
    void clearCandidateCounts();
    int candidateCount(int row) const;

    /// Replaces the run-result columns (two per run, after the base columns). Empty removes them.
    void setRunResults(std::vector<RunResults> runs);
    int runResultCount() const { return static_cast<int>(m_runResults.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const wb::dataset::Problem& problem, int row, int column) const;
    QVariant sortData(const wb::dataset::Problem& problem, int row, int column) const;
    QVariant toolTipData(const wb::dataset::Problem& problem, int row, int column) const;

    std::shared_ptr<const wb::dataset::Dataset> m_dataset;
    QVariant runResultData(int row, int column, int role) const;

    std::vector<int> m_candidateCounts;
    std::vector<RunResults> m_runResults;
};

/// "c2, c5" (1-based, as shown everywhere in the UI) for condition indices.
QString conditionList(const std::vector<int>& indices);

} // namespace wb::ui
