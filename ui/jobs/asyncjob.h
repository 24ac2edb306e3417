// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>

namespace wb::ui {

/// Runs `work` on the global thread pool and hands its result to `done` on `context`'s thread. The watcher is
/// a child of `context`: if the context dies first, `done` never runs. Results travel in a shared_ptr so that
/// T need not be default-constructible (wb::Result<T> is not).
template <class T> void runAsync(QObject* context, std::function<T()> work, std::function<void(T&&)> done)
{
    using Box = std::shared_ptr<T>;
    auto* watcher = new QFutureWatcher<Box>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() {
        Box box = watcher->result();
        watcher->deleteLater();
        if (box)
            done(std::move(*box));
    });
    watcher->setFuture(QtConcurrent::run([work = std::move(work)]() -> Box { return std::make_shared<T>(work()); }));
}

} // namespace wb::ui
