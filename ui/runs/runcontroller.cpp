// SPDX-License-Identifier: Apache-2.0
#include "ui/runs/runcontroller.h"

#include "ui/runs/runworker.h"

namespace wb::ui {

RunController::RunController(QObject* parent)
    : QObject(parent)
    , m_worker(new RunWorker)
{
    qRegisterMetaType<wb::run::Progress>();
    qRegisterMetaType<wb::run::RunSummary>();
    m_thread.setObjectName(QStringLiteral("RunWorker"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    // Queued: the worker emits on its thread, these run on ours.
    connect(m_worker, &RunWorker::created, this, [this](qint64 runId) {
        m_runId = runId;
        emit created(runId);
    });
    connect(m_worker, &RunWorker::progress, this, &RunController::progress);
    connect(m_worker, &RunWorker::logLine, this, &RunController::logLine);
    connect(m_worker, &RunWorker::finished, this, [this](qint64 runId, const wb::run::RunSummary& summary) {
        setRunning(false);
        emit finished(runId, summary);
    });
    connect(m_worker, &RunWorker::failed, this, [this](qint64 runId, const QString& message) {
        setRunning(false);
        emit failed(runId, message);
    });
    m_thread.start();
}

RunController::~RunController()
{
    if (m_cancel)
        m_cancel->cancel();
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

bool RunController::start(RunJob job)
{
    if (m_running)
        return false;
    m_cancel = job.cancel;
    m_runId = job.create ? 0 : job.runId;
    setRunning(true);
    emit started();
    RunWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, job = std::move(job)]() { worker->run(job); }, Qt::QueuedConnection);
    return true;
}

void RunController::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

void RunController::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged(running);
}

} // namespace wb::ui
