// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/runs/runjob.h"

#include <QObject>

namespace wb::ui {

/// Creates and executes runs on the thread it lives on (RunController's member QThread), with its own Store
/// connection per job. Reached only through queued signals and invokeMethod.
class RunWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    /// Blocks this (worker) thread until the run finished, was cancelled or failed.
    void run(const RunJob& job);

signals:
    void created(qint64 runId);
    void progress(qint64 runId, const wb::run::Progress& progress);
    void finished(qint64 runId, const wb::run::RunSummary& summary);
    void failed(qint64 runId, const QString& message);
    /// A diagnostic line from the runner (retries, call errors). Never contains a key.
    void logLine(const QString& line);
};

} // namespace wb::ui
