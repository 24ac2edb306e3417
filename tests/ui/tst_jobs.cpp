// SPDX-License-Identifier: Apache-2.0
#include "support/testpaths.h"
#include "ui/jobs/candidatecountjob.h"
#include "ui/jobs/datasetloadjob.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <algorithm>

using wb::ui::CandidateCountJob;
using wb::ui::DatasetLoadJob;

namespace {

QString demoPath() { return wb::test::sourceDir() + QStringLiteral("/datasets/demo/demo.jsonl"); }

/// Lets every background task finish and delivers their queued results, without sleeping.
void drain()
{
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

} // namespace

class TestJobs final : public QObject {
    Q_OBJECT
private slots:
    void loadDeliversDataset();
    void newerLoadSupersedesOlder();
    void cancelledLoadDeliversNothing();
    void missingFileFails();
    void countsCoverEveryProblem();
    void restartDropsOldPass();
};

void TestJobs::loadDeliversDataset()
{
    DatasetLoadJob job;
    QSignalSpy finished(&job, &DatasetLoadJob::finished);
    const quint64 generation = job.start(demoPath());
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toULongLong(), generation);
    const auto dataset = finished.at(0).at(1).value<std::shared_ptr<const wb::dataset::Dataset>>();
    QVERIFY(dataset);
    QCOMPARE(dataset->problems.size(), dataset->info.problemCount);
    QVERIFY(!dataset->problems.empty());
    QVERIFY(!job.isRunning());
}

void TestJobs::newerLoadSupersedesOlder()
{
    DatasetLoadJob job;
    QSignalSpy finished(&job, &DatasetLoadJob::finished);
    job.start(demoPath());
    const quint64 second = job.start(demoPath());
    drain();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), second);
}

void TestJobs::cancelledLoadDeliversNothing()
{
    DatasetLoadJob job;
    QSignalSpy finished(&job, &DatasetLoadJob::finished);
    QSignalSpy failed(&job, &DatasetLoadJob::failed);
    QSignalSpy cancelled(&job, &DatasetLoadJob::cancelled);
    job.start(demoPath());
    job.cancel();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!job.isRunning());
    drain();
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);
}

void TestJobs::missingFileFails()
{
    DatasetLoadJob job;
    QSignalSpy failed(&job, &DatasetLoadJob::failed);
    job.start(QStringLiteral("/nonexistent/problems.jsonl"));
    QVERIFY(failed.wait(30000));
    QVERIFY2(failed.at(0).at(2).toString().contains(QStringLiteral("problems.jsonl")),
        qPrintable(failed.at(0).at(2).toString()));
}

void TestJobs::countsCoverEveryProblem()
{
    auto loaded = wb::dataset::loadDataset(demoPath().toStdString());
    QVERIFY(loaded.ok());
    auto dataset = std::make_shared<const wb::dataset::Dataset>(std::move(loaded.value()));
    CandidateCountJob job;
    QSignalSpy finished(&job, &CandidateCountJob::finished);
    std::vector<int> counts(dataset->problems.size(), -2);
    connect(&job, &CandidateCountJob::batchReady, this, [&counts](int first, const std::vector<int>& batch) {
        std::copy(batch.begin(), batch.end(), counts.begin() + first);
    });
    job.start(dataset, 1.0);
    QVERIFY(finished.wait(30000));
    // θ = 1: every condition with a digit is a candidate, so no count is unknown and some are positive.
    QVERIFY(std::none_of(counts.begin(), counts.end(), [](int c) { return c < 0; }));
    QVERIFY(std::any_of(counts.begin(), counts.end(), [](int c) { return c > 0; }));
    for (std::size_t i = 0; i < counts.size(); ++i)
        QVERIFY(counts[i] <= static_cast<int>(dataset->problems[i].conditions.size()));
}

void TestJobs::restartDropsOldPass()
{
    auto loaded = wb::dataset::loadDataset(demoPath().toStdString());
    QVERIFY(loaded.ok());
    auto dataset = std::make_shared<const wb::dataset::Dataset>(std::move(loaded.value()));
    CandidateCountJob job;
    QSignalSpy finished(&job, &CandidateCountJob::finished);
    int delivered = 0;
    connect(&job, &CandidateCountJob::batchReady, this,
        [&delivered](int, const std::vector<int>& batch) { delivered += static_cast<int>(batch.size()); });
    job.start(dataset, 0.0);
    job.start(dataset, 1.0);
    QVERIFY(finished.wait(30000));
    drain();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(delivered, static_cast<int>(dataset->problems.size()));
}

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
