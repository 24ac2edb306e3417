// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/loader.h"
#include "ui/inspector/encoderchoice.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>
#include <vector>

namespace wb::ui {

/// Counts irrelevant-condition candidates for every problem of a dataset in the background, in batches, so
/// the table column fills in while the user already works. Only the built-in encoder is used: scoring a
/// whole dataset against an endpoint is a run, not a table column.
class CandidateCountJob : public QObject {
    Q_OBJECT
public:
    struct Batch {
        int first = 0;
        std::vector<int> counts; ///< -1 where encoding failed
    };

    explicit CandidateCountJob(QObject* parent = nullptr);
    ~CandidateCountJob() override;

    /// Cancels any running pass and starts a new one.
    void start(std::shared_ptr<const wb::dataset::Dataset> dataset, double theta);
    void cancel();
    bool isRunning() const;

signals:
    void batchReady(int first, const std::vector<int>& counts);
    void progress(int done, int total);
    void finished();

private:
    QFutureWatcher<Batch>* m_watcher = nullptr;
    int m_total = 0;
    int m_done = 0;
};

} // namespace wb::ui
