// SPDX-License-Identifier: Apache-2.0
#include "ui/runs/runworker.h"

#include "core/llm/keyprovider.h"
#include "core/store/store.h"

#include <exception>

namespace wb::ui {

void RunWorker::run(const RunJob& job)
{
    qint64 runId = job.runId;
    try {
        auto store = wb::store::Store::open(job.databasePath.toStdString());
        if (!store) {
            emit failed(runId, QString::fromStdString(store.error().toString()));
            return;
        }
        wb::run::RunnerOptions options;
        options.progressIntervalSeconds = job.progressIntervalSeconds;
        options.cancelGraceSeconds = job.cancelGraceSeconds;
        options.log = [this](const std::string& line) { emit logLine(QString::fromStdString(line)); };
        options.apiKey = wb::llm::fixedKey(job.secret.toStdString());
        wb::run::Runner runner(*store, options);
        if (job.create) {
            auto made = runner.create(*job.create);
            if (!made) {
                emit failed(0, QString::fromStdString(made.error().toString()));
                return;
            }
            runId = *made;
            emit created(runId);
        }
        if (job.cancel->isCancelled()) {
            (void)store->setRunStatus(runId, wb::store::RunStatus::Cancelled);
            emit failed(runId, tr("Cancelled before the first call"));
            return;
        }
        auto summary = runner.execute(
            runId, *job.cancel, [this, runId](const wb::run::Progress& p) { emit progress(runId, p); });
        if (!summary) {
            emit failed(runId, QString::fromStdString(summary.error().toString()));
            return;
        }
        emit finished(runId, *summary);
    } catch (const std::exception& e) {
        // Nothing may escape the worker's event loop; report it like any other failure.
        emit failed(runId, QString::fromUtf8(e.what()));
    }
}

} // namespace wb::ui
