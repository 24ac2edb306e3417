// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSortFilterProxyModel>

namespace wb::ui {

class ProblemTableModel;

/// Sorting and filtering of ProblemTableModel: search text, "has gold irrelevant", "has candidates".
class ProblemFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ProblemFilterProxy(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;

    QString searchText() const { return m_searchText; }
    bool onlyGoldIrrelevant() const { return m_onlyGoldIrrelevant; }
    bool onlyWithCandidates() const { return m_onlyWithCandidates; }

public slots:
    /// Case-insensitive match against the problem id and text.
    void setSearchText(const QString& text);
    void setOnlyGoldIrrelevant(bool only);
    void setOnlyWithCandidates(bool only);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    void refilter();

    ProblemTableModel* m_problems = nullptr;
    QString m_searchText;
    bool m_onlyGoldIrrelevant = false;
    bool m_onlyWithCandidates = false;
};

} // namespace wb::ui
