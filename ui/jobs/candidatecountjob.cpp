// SPDX-License-Identifier: Apache-2.0
#include "ui/jobs/candidatecountjob.h"

#include "core/relevance/relevance.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace wb::ui {

namespace {
constexpr std::size_t kBatchSize = 256;

void countCandidates(QPromise<CandidateCountJob::Batch>& promise,
    const std::shared_ptr<const wb::dataset::Dataset>& dataset, double theta)
{
    auto encoder = createEncoder(EncoderChoice {});
    const std::vector<wb::dataset::Problem>& problems = dataset->problems;
    for (std::size_t first = 0; first < problems.size(); first += kBatchSize) {
        if (promise.isCanceled())
            return;
        CandidateCountJob::Batch batch;
        batch.first = static_cast<int>(first);
        const std::size_t last = std::min(problems.size(), first + kBatchSize);
        for (std::size_t i = first; i < last; ++i) {
            const wb::dataset::Problem& p = problems[i];
            int count = -1;
            if (p.conditions.empty()) {
                count = 0;
            } else if (encoder) {
                const auto report = wb::relevance::analyse(**encoder, p.conditions, p.question, theta);
                if (report)
                    count = static_cast<int>(report->candidates.size());
            }
            batch.counts.push_back(count);
        }
        promise.addResult(std::move(batch));
    }
}

} // namespace

CandidateCountJob::CandidateCountJob(QObject* parent)
    : QObject(parent)
{
}

CandidateCountJob::~CandidateCountJob() { cancel(); }

void CandidateCountJob::start(std::shared_ptr<const wb::dataset::Dataset> dataset, double theta)
{
    cancel();
    if (!dataset)
        return;
    m_total = static_cast<int>(dataset->problems.size());
    m_done = 0;
    // A fresh watcher per pass: results of a cancelled pass that are still queued die with the old watcher.
    m_watcher = new QFutureWatcher<Batch>(this);
    QFutureWatcher<Batch>* watcher = m_watcher;
    connect(watcher, &QFutureWatcherBase::resultsReadyAt, this, [this, watcher](int begin, int end) {
        if (watcher != m_watcher)
            return;
        for (int i = begin; i < end; ++i) {
            const Batch batch = watcher->resultAt(i);
            m_done += static_cast<int>(batch.counts.size());
            emit batchReady(batch.first, batch.counts);
        }
        emit progress(m_done, m_total);
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher]() {
        if (watcher != m_watcher)
            return;
        m_watcher = nullptr;
        watcher->deleteLater();
        emit finished();
    });
    watcher->setFuture(QtConcurrent::run(countCandidates, std::move(dataset), theta));
}

void CandidateCountJob::cancel()
{
    if (!m_watcher)
        return;
    QFutureWatcher<Batch>* watcher = m_watcher;
    m_watcher = nullptr;
    watcher->future().cancel();
    watcher->deleteLater();
}

bool CandidateCountJob::isRunning() const { return m_watcher != nullptr; }

} // namespace wb::ui
