// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/loader.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace wb::ui {

class ProblemFilterProxy;
class ProblemTableModel;
class Settings;

/// The problems of the open dataset: search box, filters and the sortable table.
class DatasetsPage : public QWidget {
    Q_OBJECT
public:
    explicit DatasetsPage(Settings& settings, QWidget* parent = nullptr);
    ~DatasetsPage() override;

    void setDataset(std::shared_ptr<const wb::dataset::Dataset> dataset);

    ProblemTableModel* model() const { return m_model; }
    ProblemFilterProxy* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    QLineEdit* searchBox() const { return m_search; }

    /// Source row of the current problem, or -1.
    int currentProblemRow() const;
    /// Makes `sourceRow` current (and visible) when it passes the filter.
    void selectProblemRow(int sourceRow);

    void saveState();

signals:
    /// The current problem changed; -1 when nothing is selected.
    void currentProblemChanged(int sourceRow);

private:
    void applyDefaultColumnWidths();
    void updateShownCount();
    void onCurrentChanged();

    Settings& m_settings;
    ProblemTableModel* m_model;
    ProblemFilterProxy* m_proxy;
    QTableView* m_view;
    QLineEdit* m_search;
    QCheckBox* m_onlyGold;
    QCheckBox* m_onlyCandidates;
    QLabel* m_shownLabel;
    QTimer* m_searchDelay;
    bool m_layoutKnown = false;
};

} // namespace wb::ui
