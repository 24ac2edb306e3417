// SPDX-License-Identifier: Apache-2.0
#include "ui/jobs/datasetloadjob.h"

#include "core/common/cancel.h"
#include "ui/jobs/asyncjob.h"

#include <atomic>

namespace wb::ui {

namespace {
constexpr int kProgressIntervalMs = 100;
}

struct DatasetLoadJob::State {
    wb::CancelToken token;
    std::atomic<quint64> loaded { 0 };
};

DatasetLoadJob::DatasetLoadJob(QObject* parent)
    : QObject(parent)
{
    m_progressTimer.setInterval(kProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, [this]() {
        if (m_state)
            emit progress(m_state->loaded.load(std::memory_order_relaxed));
    });
}

DatasetLoadJob::~DatasetLoadJob() { cancel(); }

quint64 DatasetLoadJob::start(const QString& path, const wb::dataset::LoadOptions& options)
{
    cancel();
    const quint64 generation = m_generation.next();
    auto state = std::make_shared<State>();
    m_state = state;
    m_path = path;
    const std::string file = path.toStdString();
    runAsync<wb::Result<wb::dataset::Dataset>>(
        this,
        [state, file, options]() -> wb::Result<wb::dataset::Dataset> {
            wb::dataset::Dataset dataset;
            auto info = wb::dataset::streamDataset(file, options, [&](wb::dataset::Problem&& problem) -> bool {
                dataset.problems.push_back(std::move(problem));
                state->loaded.store(dataset.problems.size(), std::memory_order_relaxed);
                return !state->token.isCancelled();
            });
            if (!info)
                return info.error();
            dataset.info = std::move(info.value());
            return dataset;
        },
        [this, generation, state](
            wb::Result<wb::dataset::Dataset>&& result) { onDone(generation, state, std::move(result)); });
    m_progressTimer.start();
    return generation;
}

void DatasetLoadJob::cancel()
{
    if (!m_state)
        return;
    m_state->token.cancel();
    m_state.reset();
    m_progressTimer.stop();
    emit cancelled(m_generation.current());
}

void DatasetLoadJob::onDone(
    quint64 generation, const std::shared_ptr<State>& state, wb::Result<wb::dataset::Dataset>&& result)
{
    // A cancelled or superseded load finishes in the background; its result is of no use to anyone.
    if (!m_generation.isCurrent(generation) || state->token.isCancelled())
        return;
    m_state.reset();
    m_progressTimer.stop();
    if (!result) {
        emit failed(generation, m_path, QString::fromStdString(result.error().toString()));
        return;
    }
    emit finished(generation, std::make_shared<const wb::dataset::Dataset>(std::move(result.value())));
}

} // namespace wb::ui
