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

/// The workbench shell: menus, status bar, the Datasets page beside the Problem inspector, and the issues
/// panel. It wires pages to background jobs and owns no logic of its own.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Starts loading `path` in the background (superseding a running load).
    void openDataset(const QString& path);
    /// Opens a results database in the background and shows one of its datasets (the newest by default).
    void openDatabase(const QString& path, std::optional<wb::store::RowId> datasetId = std::nullopt);
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
    /// Shows and raises the prompt editor (a dock; it previews requests for the current problem).
    void showPromptEditor();
    RunsPage* runsPage() const { return m_runsPage; }
    /// Shows and raises the Runs page (a dock beside the dataset views).
    void showRunsPage();
    ComparePage* comparePage() const { return m_comparePage; }
    /// Shows and raises the Compare page (a dock over the open results database's runs).
    void showComparePage();
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
    void createStatusBar();
    void createIssuesDock();
    void createRunsDock();
    void createPromptEditorDock();
    void createCompareDock();
    /// Puts `page` into a hidden bottom dock named `objectName`, toggled from the View menu by an action named
    /// `toggleObjectName` with `shortcut`.
    QDockWidget* addPageDock(QWidget* page, const QString& title, const QString& objectName,
        const QString& toggleObjectName = {}, const QKeySequence& shortcut = {});
    /// Shows and raises `dock` at `dockHeight` pixels.
    void raiseDock(QDockWidget* dock, int dockHeight);
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
    DiagnosticsModel* m_diagnostics;
    QDockWidget* m_issuesDock = nullptr;
    QTableView* m_issuesView = nullptr;
    ComparePage* m_comparePage = nullptr;
    QDockWidget* m_compareDock = nullptr;
    PromptEditorPage* m_promptEditorPage = nullptr;
    QDockWidget* m_promptEditorDock = nullptr;
    RunsPage* m_runsPage = nullptr;
    QDockWidget* m_runsDock = nullptr;

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
    QToolButton* m_issuesButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QTimer* m_countDelay = nullptr;
};

} // namespace wb::ui
