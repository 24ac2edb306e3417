// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/loader.h"
#include "core/store/records.h"
#include "ui/jobs/generation.h"

#include <QKeySequence>
#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QTimer;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolButton;

namespace wb::ui {

class CandidateCountJob;
class DatasetLoadJob;
class ComparePage;
class DatasetsPage;
class DiagnosticsModel;
class InspectorPage;
class PromptEditorPage;
class RunsPage;
class Settings;

/// The workbench shell: one mode per main task (Inspect: the Datasets page beside the Problem inspector;
/// Prompts; Runs; Compare), each with the whole window, plus menus, the status bar and the issues panel. It
/// wires pages to background jobs and to the results database and owns no logic of its own.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// The main tasks, in the order of the mode tabs.
    enum class Mode { Inspect, Prompts, Runs, Compare };

    explicit MainWindow(Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Starts loading `path` in the background (superseding a running load).
    void openDataset(const QString& path);
    /// Opens a results database in the background and shows one of its datasets (the newest by default).
    void openDatabase(const QString& path, std::optional<wb::store::RowId> datasetId = std::nullopt);
    /// Makes `path` the results database that Runs, Compare and the inspector read and write, without showing
    /// one of its datasets. The default database (created on first use) is attached at start-up.
    void attachDatabase(const QString& path);
    /// The attached results database: the default one unless another was opened.
    const QString& databasePath() const { return m_databasePath; }
    /// Opens a results database (recognised by its SQLite header) or else a dataset: what the command line and
    /// drag and drop use.
    void openFile(const QString& path);
    static bool isResultsDatabase(const QString& path);
    /// What to show when no file was given: the demo the first time, afterwards the most recent file.
    void openInitialDataset();

    bool isLoading() const;
    std::shared_ptr<const wb::dataset::Dataset> dataset() const { return m_dataset; }
    DatasetsPage* datasetsPage() const { return m_datasetsPage; }
    InspectorPage* inspectorPage() const { return m_inspectorPage; }
    PromptEditorPage* promptEditorPage() const { return m_promptEditorPage; }
    RunsPage* runsPage() const { return m_runsPage; }
    ComparePage* comparePage() const { return m_comparePage; }
    void showMode(Mode mode);
    Mode currentMode() const;
    void showPromptEditor() { showMode(Mode::Prompts); }
    void showRunsPage() { showMode(Mode::Runs); }
    void showComparePage() { showMode(Mode::Compare); }
    /// View › Reset Layout: the window fitted to its screen, default splitters, the issues panel hidden.
    void resetLayout();
    DiagnosticsModel* diagnosticsModel() const { return m_diagnostics; }

    /// Shows or hides the issues panel.
    void showIssues(bool show);

signals:
    /// A dataset finished loading and is shown.
    void datasetLoaded();
    /// Loading failed; the message is also listed in the issues panel.
    void datasetFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createThemeMenu();
    void createStatusBar();
    void createIssuesDock();
    void createModes();
    void createModeActions();
    void connectPromptEditor();
    void connectRuns();
    /// Adds `page` as the tab of `mode`, switched to by an action named `actionName` with `shortcuts`.
    void addMode(Mode mode, QWidget* page, const QString& title, const QString& actionName,
        const QList<QKeySequence>& shortcuts);
    /// The window's size for `screen`: its whole available area on small screens, most of it on large ones.
    void fitToScreen();
    void showDatabasePath();
    void updateRunResultColumns();
    void restoreWindowState();
    void saveWindowState();
    void updateRecentMenu();
    void updateStatus();
    void showOpenDialog();
    void showOpenDatabaseDialog();
    void onLoadFinished(quint64 generation, std::shared_ptr<const wb::dataset::Dataset> dataset);
    void showDataset(std::shared_ptr<const wb::dataset::Dataset> dataset);
    void reportOpenFailure(const QString& path, const QString& message);
    void onLoadFailed(quint64 generation, const QString& path, const QString& message);
    void onCurrentProblemChanged(int sourceRow);
    void restartCandidateCounts();
    void setLoadingUi(bool loading);

    Settings& m_settings;
    DatasetLoadJob* m_loader;
    CandidateCountJob* m_counter;
    std::shared_ptr<const wb::dataset::Dataset> m_dataset;

    DatasetsPage* m_datasetsPage;
    InspectorPage* m_inspectorPage;
    QSplitter* m_splitter;
    QTabWidget* m_modes = nullptr;
    QList<QAction*> m_modeActions;
    QString m_databasePath;
    DiagnosticsModel* m_diagnostics;
    QDockWidget* m_issuesDock = nullptr;
    QTableView* m_issuesView = nullptr;
    ComparePage* m_comparePage = nullptr;
    PromptEditorPage* m_promptEditorPage = nullptr;
    RunsPage* m_runsPage = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_openDatabaseAction = nullptr;
    QAction* m_openDemoAction = nullptr;
    QAction* m_quitAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_databaseMenu = nullptr;
    Generation m_databaseGeneration;
    bool m_databasePending = false;

    QLabel* m_datasetLabel = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QToolButton* m_issuesButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QTimer* m_countDelay = nullptr;
};

} // namespace wb::ui
