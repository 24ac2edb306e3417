// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/runs/runjob.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace wb::ui {

class RunWorker;

/// Owns the thread runs execute on and the cancel token of the current one. One run at a time.
/// Destruction cancels the run, then requests interruption, quits and waits for the thread.
class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    /// Starts `job` on the worker thread; false (and nothing happens) while another run is executing.
    bool start(RunJob job);
    /// Asks the executing run to stop at its next safe point; it ends with status Cancelled and stays resumable.
    void cancel();
    bool isRunning() const { return m_running; }
    /// The run executing (0 while a new run is still being created, or when idle).
    wb::store::RowId currentRun() const { return m_runId; }

signals:
    void started();
    void created(qint64 runId);
    void progress(qint64 runId, const wb::run::Progress& progress);
    /// The run ended (completed, cancelled or failed with a status); the list should be re-read.
    void finished(qint64 runId, const wb::run::RunSummary& summary);
    /// The run could not be created or executed; `runId` is 0 when it was never created.
    void failed(qint64 runId, const QString& message);
    void logLine(const QString& line);
    void runningChanged(bool running);

private:
    void setRunning(bool running);

    QThread m_thread;
    RunWorker* m_worker;
    std::shared_ptr<wb::CancelToken> m_cancel;
    bool m_running = false;
    wb::store::RowId m_runId = 0;
};

} // namespace wb::ui
