// SPDX-License-Identifier: Apache-2.0
// The parts of a run session (core/run/runexecution.*) that need no server: the stopping rules (cancel grace,
// abort, failures in a row) and the queue that carries completions from the client's thread.
#include "core/run/completionqueue.h"
#include "core/run/stoppolicy.h"

#include <QtTest>

#include <chrono>
#include <thread>

using wb::ErrorCode;
using wb::makeError;
using wb::run::Completion;
using wb::run::CompletionQueue;
using wb::run::StopPolicy;

namespace {

wb::Error callError(const std::string& message)
{
    return makeError(ErrorCode::Http, message, "http://127.0.0.1:9/v1/chat/completions");
}

wb::llm::ChatResponse answer(const std::string& text)
{
    wb::llm::ChatResponse response;
    response.text = text;
    return response;
}

} // namespace

class TestRunExecution final : public QObject {
    Q_OBJECT
private slots:
    void failureLimitDefault_data()
    {
        QTest::addColumn<int>("configured");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<int>("expected");
        QTest::newRow("default, one connection") << 0 << 1 << 20;
        QTest::newRow("default, 6 connections still 20") << 0 << 6 << 20;
        QTest::newRow("default, 7 connections") << 0 << 7 << 21;
        QTest::newRow("default, 32 connections") << 0 << 32 << 96;
        QTest::newRow("configured wins") << 5 << 32 << 5;
    }
    void failureLimitDefault()
    {
        QFETCH(int, configured);
        QFETCH(int, concurrency);
        QFETCH(int, expected);
        QCOMPARE(int(StopPolicy::failureLimitFor(std::size_t(configured), std::size_t(concurrency))), expected);
    }

    void failuresInARowStopAtTheLimit()
    {
        StopPolicy stop(5.0, 3);
        stop.onCallFailed(callError("HTTP 500 first"));
        stop.onCallFailed(callError("HTTP 500 second"));
        QVERIFY(!stop.failureStop());
        stop.onCallFailed(callError("HTTP 503 third"));
        QVERIFY(stop.failureStop());
        const wb::Error& error = *stop.failureStop();
        QCOMPARE(error.code, ErrorCode::Http);
        QCOMPARE(error.location, std::string("http://127.0.0.1:9/v1/chat/completions"));
        QCOMPARE(error.message,
            std::string("stopped after 3 calls in a row failed; last: HTTP 503 third (resume the run when the backend "
                        "is back)"));
    }

    void aSuccessEndsTheSeries()
    {
        StopPolicy stop(5.0, 3);
        stop.onCallFailed(callError("a"));
        stop.onCallFailed(callError("b"));
        stop.onCallSucceeded();
        QCOMPARE(stop.failuresInARow(), std::size_t(0));
        stop.onCallFailed(callError("c"));
        stop.onCallFailed(callError("d"));
        QVERIFY(!stop.failureStop());
        stop.onCallFailed(callError("e"));
        QVERIFY(stop.failureStop());
    }

    void failureStopIsStickyAndNamesTheLatestFailure()
    {
        StopPolicy stop(5.0, 2);
        stop.onCallFailed(callError("a"));
        stop.onCallFailed(callError("b"));
        QVERIFY(stop.failureStop()->message.find("after 2 calls in a row failed; last: b") != std::string::npos);
        stop.onCallFailed(callError("c")); // delivered in the same round: the count goes on
        QVERIFY(stop.failureStop()->message.find("after 3 calls in a row failed; last: c") != std::string::npos);
        stop.onCallSucceeded(); // a late success does not undo the decision to stop
        QVERIFY(stop.failureStop());
        QVERIFY(stop.failureStop()->message.find("last: c") != std::string::npos);
    }

    void nothingIsAbortedWhileTheRunGoesOn()
    {
        StopPolicy stop(0.0, 20);
        for (double now : { 0.0, 10.0, 1000.0 })
            QVERIFY(!stop.abortDue(false, false, now));
        QVERIFY(!stop.aborted());
    }

    void cancelAbortsWhenTheGraceHasPassed()
    {
        StopPolicy stop(5.0, 20);
        QVERIFY(!stop.abortDue(false, false, 100.0));
        QVERIFY(!stop.abortDue(false, true, 110.0)); // the grace starts with the first round that sees the cancel
        QVERIFY(!stop.abortDue(false, true, 114.9));
        QVERIFY(!stop.aborted());
        QVERIFY(stop.abortDue(false, true, 115.0));
        QVERIFY(stop.aborted());
        QVERIFY(!stop.abortDue(false, true, 116.0)); // once only
        QVERIFY(!stop.abortDue(true, true, 117.0));
        QVERIFY(stop.aborted());
    }

    void zeroGraceAbortsAtOnce()
    {
        StopPolicy stop(0.0, 20);
        QVERIFY(stop.abortDue(false, true, 3.0));
    }

    void fatalErrorAbortsAtOnce()
    {
        StopPolicy stop(5.0, 20);
        QVERIFY(stop.abortDue(true, false, 1.0));
    }

    void fatalErrorCutsTheGraceShort()
    {
        StopPolicy stop(60.0, 20);
        QVERIFY(!stop.abortDue(false, true, 0.0));
        QVERIFY(!stop.abortDue(false, true, 1.0));
        QVERIFY(stop.abortDue(true, true, 2.0));
    }

    void queueHandsOverEverythingInOrder()
    {
        CompletionQueue queue;
        queue.push(Completion { 1, answer("one") });
        queue.push(Completion { 2, makeError(ErrorCode::Cancelled, "cancelled") });
        queue.push(Completion { 3, answer("three") });
        auto taken = queue.takeAll(0.0);
        QCOMPARE(taken.size(), std::size_t(3));
        QCOMPARE(taken[0].ticket, std::uint64_t(1));
        QCOMPARE(taken[0].response->text, std::string("one"));
        QVERIFY(!taken[1].response);
        QCOMPARE(taken[1].response.error().code, ErrorCode::Cancelled);
        QCOMPARE(taken[2].ticket, std::uint64_t(3));
        QVERIFY(queue.takeAll(0.0).empty());
    }

    void emptyQueueWaitsForTheTimeout()
    {
        CompletionQueue queue;
        const auto start = std::chrono::steady_clock::now();
        QVERIFY(queue.takeAll(0.05).empty());
        QVERIFY(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(45));
    }

    void pushFromAnotherThreadWakesTheConsumer()
    {
        CompletionQueue queue;
        const auto start = std::chrono::steady_clock::now();
        std::thread producer([&queue] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            queue.push(Completion { 7, answer("late") });
        });
        const auto taken = queue.takeAll(30.0);
        producer.join();
        QCOMPARE(taken.size(), std::size_t(1));
        QCOMPARE(taken.front().ticket, std::uint64_t(7));
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
    }
};

QTEST_GUILESS_MAIN(TestRunExecution)
#include "tst_runexecution.moc"
