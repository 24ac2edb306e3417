// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/loader.h"
#include "ui/jobs/generation.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace wb::ui {

/// Loads a dataset file off the GUI thread. Starting a new load supersedes the running one (its result is
/// dropped); cancel() stops the stream at the next record.
class DatasetLoadJob : public QObject {
    Q_OBJECT
public:
    explicit DatasetLoadJob(QObject* parent = nullptr);
    ~DatasetLoadJob() override;

    /// Starts loading and returns the generation id that the finished/failed signals will carry.
    quint64 start(const QString& path, const wb::dataset::LoadOptions& options = {});
    void cancel();
    bool isRunning() const { return m_state != nullptr; }
    QString path() const { return m_path; }

signals:
    void progress(quint64 problemsLoaded);
    void finished(quint64 generation, std::shared_ptr<const wb::dataset::Dataset> dataset);
    void failed(quint64 generation, const QString& path, const QString& message);
    void cancelled(quint64 generation);

private:
    struct State;
    void onDone(quint64 generation, const std::shared_ptr<State>& state, wb::Result<wb::dataset::Dataset>&& result);

    Generation m_generation;
    std::shared_ptr<State> m_state;
    QString m_path;
    QTimer m_progressTimer;
};

} // namespace wb::ui
