// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/compare/comparison.h"
#include "ui/jobs/generation.h"

#include <QList>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QSplitter;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace wb::ui {

class AccuracyBarChart;
class AccuracyTableModel;
class FlipTableModel;
class ProblemListModel;
class RunListModel;
class SideBySideView;

/// Compares runs of the open results database: accuracy charts with Wilson intervals (by dataset, by number
/// of candidates, by gold-irrelevant conditions), the flip table of two runs with McNemar's p and the paired
/// bootstrap interval, the problems behind a bar or cell, and two runs' reasoning side by side. Choosing a
/// problem (a bar, a flip cell, a row, F8 / Shift+F8) emits problemActivated() for the rest of the window.
class ComparePage : public QWidget {
    Q_OBJECT
public:
    // Unscoped: used as tab indices.
    enum Chart { DatasetChart, CandidatesChart, GoldIrrelevantChart, ChartCount };

    explicit ComparePage(QWidget* parent = nullptr);
    ~ComparePage() override;

    /// Reads the runs of the database at `path` in the background; comparisonLoaded() follows.
    void setDatabase(const QString& path);
    const QString& databasePath() const { return m_path; }
    std::shared_ptr<const ComparisonData> comparison() const { return m_data; }

    RunListModel* runModel() const { return m_runs; }
    AccuracyTableModel* accuracyModel() const { return m_accuracy; }
    FlipTableModel* flipModel() const { return m_flips; }
    ProblemListModel* problemModel() const { return m_problems; }
    AccuracyBarChart* chart(Chart which) const { return m_charts[which]; }
    QTableView* flipView() const { return m_flipView; }
    QTableView* problemView() const { return m_problemView; }
    QTextBrowser* reasoningView(int side) const;
    SideBySideView* sideBySide() const { return m_sideBySide; }
    QAction* nextFailingAction() const { return m_nextFailing; }
    QAction* previousFailingAction() const { return m_previousFailing; }
    /// The two runs whose answers and reasoning the chosen problem shows (0 = none): the list's runs, else the
    /// flip table's other run over the same dataset.
    std::array<wb::store::RowId, 2> comparedRuns() const;

    /// The splitter sizes, to keep across sessions (the window stores them with its settings).
    QByteArray saveLayout() const;
    bool restoreLayout(const QByteArray& state);

    /// Chooses the two runs of the flip table (both must be checked).
    void setPair(wb::store::RowId a, wb::store::RowId b);
    /// Lists the problems behind bar (set, category) of `which`, as a click does.
    void showBarProblems(Chart which, int set, int category);
    /// Lists the problems of one flip cell, as a click does.
    void showFlipProblems(wb::run::PairedComparison::Cell cell);

    // Exports; each asks for a file name through FileDialog and returns false when cancelled or failed.
    bool exportChartPng();
    bool exportChartSvg();
    bool exportAccuracyCsv();
    bool exportProblemsCsv();
    bool exportHtmlReport();
    /// The report as it would be written now (for previews and tests).
    QString reportHtml();

public slots:
    /// Re-reads the run list of the current database (runs may have been made or finished meanwhile). Checks of
    /// runs seen before are kept; new runs with results are checked.
    void reload();
    /// Selects the next (previous) problem of the list that is wrong, unanswered or an error in either compared run.
    void selectNextFailing();
    void selectPreviousFailing();

signals:
    /// The user chose a problem: the dataset table and the inspector show it with the calls of `runIds`.
    void problemActivated(
        const QString& datasetHash, qint64 problemIndex, const QString& problemId, const QList<qint64>& runIds);
    /// A database was read and the page shows its runs.
    void comparisonLoaded();
    void loadFailed(const QString& message);
    /// The checked runs changed (the Datasets page shows their results as columns).
    void checkedRunsChanged();
    /// Side-by-side reasoning of the selected problem is shown.
    void reasoningShown();

private:
    void refresh();
    void updatePairChoices();
    void updatePair();
    QWidget* buildRunsPanel();
    QWidget* buildFlipPanel();
    QWidget* buildChartTabs();
    QWidget* buildProblemPanel();
    void selectFirstProblem();
    void stepFailing(int step);
    void onProblemSelected();
    void emitProblemActivated(std::int64_t problem, const std::array<wb::store::RowId, 2>& runs);
    void showReasoningOf(std::int64_t problem, const std::array<wb::store::RowId, 2>& runs);
    AccuracyBarChart* currentChart() const;
    QString askSaveName(const QString& caption, const QString& suggested, const QString& filter);
    void reportExport(bool ok, const QString& path, const QString& error);

    QString m_path;
    std::shared_ptr<const ComparisonData> m_data;
    Generation m_loadGeneration;
    Generation m_reasoningGeneration;

    RunListModel* m_runs;
    AccuracyTableModel* m_accuracy;
    FlipTableModel* m_flips;
    ProblemListModel* m_problems;

    QListView* m_runView = nullptr;
    QTabWidget* m_chartTabs = nullptr;
    AccuracyBarChart* m_charts[ChartCount] = {};
    QTableView* m_accuracyView = nullptr;
    QComboBox* m_pairA = nullptr;
    QComboBox* m_pairB = nullptr;
    QTableView* m_flipView = nullptr;
    QLabel* m_flipStats = nullptr;
    QLabel* m_problemsTitle = nullptr;
    QTableView* m_problemView = nullptr;
    SideBySideView* m_sideBySide = nullptr;
    QAction* m_nextFailing = nullptr;
    QAction* m_previousFailing = nullptr;
    std::vector<QSplitter*> m_splitters; ///< in a fixed order, for saveLayout()
    QLabel* m_status = nullptr;
    QToolButton* m_exportButton = nullptr;
};

} // namespace wb::ui
