// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace wb::ui {
class MainWindow;
}

namespace wb::screenshots {

/// Drives the real window through each file given to wb-screenshots: open it, select an interesting
/// problem (one with gold-irrelevant conditions when there is one), wait for its scores, save every page.
/// A results database (.sqlite / .db) also yields inspector-runs.png: that problem's stored calls.
class Screenshotter : public QObject {
    Q_OBJECT
public:
    Screenshotter(
        wb::ui::MainWindow& window, const QString& directory, const QStringList& files, QObject* parent = nullptr);

    void start();

signals:
    /// All files handled; `failures` counts files that could not be loaded or shot.
    void done(int failures);

private:
    void next();
    void onLoaded();
    void onReport();
    void shoot();
    /// After a results database: the inspector's "Runs" tab with the newest run's calls, a verify call selected.
    void shootRunCalls();
    void fail(const QString& why);

    wb::ui::MainWindow& m_window;
    QString m_directory;
    QStringList m_files;
    int m_current = -1;
    int m_failures = 0;
    bool m_waitingForReport = false;
    QTimer m_watchdog;
};

} // namespace wb::screenshots
