// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/loader.h"
#include "core/run/runconfig.h"
#include "core/store/records.h"
#include "ui/jobs/generation.h"
#include "ui/runs/newrundialog.h"

#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QGroupBox;
class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace wb::run {
struct Progress;
struct RunSummary;
}

namespace wb::ui {

class RunController;
class RunsModel;
class Settings;
struct ProfileEntry;
struct RunJob;

/// Runs of the open results database (or of the default one under AppDataLocation): the list, a New Run
/// dialog, and the live progress of the run executing on the worker thread with Cancel and Resume.
class RunsPage : public QWidget {
    Q_OBJECT
public:
    explicit RunsPage(Settings& settings, QWidget* parent = nullptr);
    ~RunsPage() override;

    /// The results database new runs go into and whose runs are listed; re-reads the list.
    void setDatabasePath(const QString& path);
    /// The open database, else defaultDatabasePath().
    QString databasePath() const;
    /// True when this process may not write the open database (New Run and Resume are disabled).
    bool isDatabaseReadOnly() const { return m_databaseReadOnly; }
    /// `<AppDataLocation>/runs.sqlite` (the folder is created).
    static QString defaultDatabasePath();
    /// The dataset open in the window, offered first in the New Run dialog.
    void setDataset(std::shared_ptr<const wb::dataset::Dataset> dataset);

    RunsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    RunController* controller() const { return m_controller; }
    bool isRunning() const;
    bool isRefreshing() const { return m_refreshing; }
    /// The run shown in the progress panel (0 = none yet).
    qint64 activeRun() const { return m_activeRun; }

    /// Re-reads the runs (in the background).
    void refresh();
    /// Opens the New Run dialog and starts the run it describes.
    void showNewRunDialog();
    /// Creates `config` in the database and executes it; keychain keys are read first.
    void startRun(wb::run::RunConfig config, const ProfileEntry& profile);
    /// Executes the unfinished calls of `runId` again (nothing already stored is sent twice).
    void resumeRun(qint64 runId);
    void cancelRun();
    /// Datasets the New Run dialog offers: the open one, then those imported into the database.
    std::vector<DatasetChoice> datasetChoices() const;

    void saveState();

signals:
    void runsRefreshed();
    void runStarted(qint64 runId);
    /// The run ended with `status` (a store::RunStatus as int).
    void runFinished(qint64 runId, int status);
    void runFailed(const QString& message);

private:
    void startJob(RunJob job, const ProfileEntry* keychainProfile);
    void onProgress(qint64 runId, const wb::run::Progress& progress);
    void onFinished(qint64 runId, const wb::run::RunSummary& summary);
    void onFailed(qint64 runId, const QString& message);
    void updateButtons();
    void showDatabaseName();
    void showSelectedRun();
    void showMessage(const QString& text, bool error);
    qint64 selectedRun() const;
    void resetProgress(const QString& title);

    Settings& m_settings;
    QString m_databasePath;
    bool m_databaseReadOnly = false; ///< the file or its folder is not writable: new runs and resume are off
    std::shared_ptr<const wb::dataset::Dataset> m_dataset;
    std::vector<wb::store::DatasetRecord> m_storedDatasets;
    RunController* m_controller;
    RunsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    Generation m_refreshGeneration;
    bool m_refreshing = false;
    qint64 m_activeRun = 0;

    QAction* m_newRunAction;
    QAction* m_resumeAction;
    QAction* m_cancelAction;
    QAction* m_refreshAction;
    QLabel* m_databaseLabel;
    QGroupBox* m_progressBox;
    QProgressBar* m_progressBar;
    QLabel* m_callsLabel;
    QLabel* m_problemsLabel;
    QLabel* m_rateLabel;
    QLabel* m_tokensLabel;
    QLabel* m_errorsLabel;
    QLabel* m_etaLabel;
    QLabel* m_messageLabel;
};

} // namespace wb::ui
