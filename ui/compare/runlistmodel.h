// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/compare/comparisondata.h"

#include <QAbstractListModel>

#include <functional>
#include <memory>

namespace wb::ui {

/// The runs of the open database as a checkable list: the user ticks the runs to compare.
class RunListModel : public QAbstractListModel {
    Q_OBJECT
public:
    // Unscoped: Qt's view API takes plain ints for roles.
    enum Role {
        RunIdRole = Qt::UserRole, ///< the run's RowId (qlonglong)
        MethodRole, ///< method id, the colour key
    };

    explicit RunListModel(QObject* parent = nullptr);

    /// Shows the runs of `data`; the newest completed run of each method starts checked.
    void setComparison(std::shared_ptr<const ComparisonData> data);
    /// Shows a newer read of the same database: runs that had results keep their check, the others (new
    /// runs, runs that were still empty) are checked once they have results.
    void updateComparison(std::shared_ptr<const ComparisonData> data);
    std::vector<wb::store::RowId> checkedRuns() const;
    void setChecked(wb::store::RowId runId, bool checked);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    void checkedRunsChanged();

private:
    void reset(std::shared_ptr<const ComparisonData> data, const std::function<bool(const RunOutcome&)>& checked);

    std::shared_ptr<const ComparisonData> m_data;
    std::vector<bool> m_checked;
};

} // namespace wb::ui
