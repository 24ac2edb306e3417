// SPDX-License-Identifier: Apache-2.0
#include "tools/screenshots/pageshots.h"
#include "ui/export/pngfile.h"

#include "ui/mainwindow.h"
#include "ui/pages/comparepage.h"
#include "ui/pages/datasetspage.h"
#include "ui/pages/inspectorpage.h"
#include "ui/pages/prompteditorpage.h"
#include "ui/pages/runspage.h"
#include "ui/runs/runsmodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>

namespace wb::screenshots {

namespace {

/// Grabs widgets into PNG files named `<prefix><name>.png` and remembers which ones were written.
class ShotWriter {
public:
    ShotWriter(const QString& directory, const QString& prefix)
        : m_directory(directory)
        , m_prefix(prefix)
    {
        QDir().mkpath(directory);
    }

    void save(QWidget* widget, const QString& name)
    {
        const QString file = m_directory.filePath(m_prefix + name + QStringLiteral(".png"));
        if (wb::ui::writePngAtomically(widget->grab().toImage(), file))
            m_written << file;
    }

    QStringList written() const { return m_written; }

private:
    QDir m_directory;
    QString m_prefix;
    QStringList m_written;
};

/// Shows `mode` and lets its page lay out before a grab (a page that was hidden has not been laid out).
void showSettled(wb::ui::MainWindow& window, wb::ui::MainWindow::Mode mode)
{
    window.showMode(mode);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

} // namespace

QStringList savePageShots(wb::ui::MainWindow& window, const QString& directory, const QString& prefix)
{
    using Mode = wb::ui::MainWindow::Mode;
    ShotWriter shots(directory, prefix);
    const Mode shown = window.currentMode();
    // Each mode as the user sees it: the whole window, tabs and status bar included.
    showSettled(window, Mode::Inspect);
    shots.save(&window, QStringLiteral("inspect"));
    shots.save(window.datasetsPage(), QStringLiteral("datasets"));
    shots.save(window.inspectorPage(), QStringLiteral("inspector"));
    showSettled(window, Mode::Prompts);
    shots.save(&window, QStringLiteral("prompts"));
    if (window.runsPage()->model()->rowCount() > 0) {
        showSettled(window, Mode::Runs);
        shots.save(&window, QStringLiteral("runs"));
    }
    wb::ui::ComparePage* compare = window.comparePage();
    if (compare->comparison() && !compare->comparison()->runs.empty()) {
        showSettled(window, Mode::Compare);
        shots.save(&window, QStringLiteral("compare"));
    }
    auto* issuesDock = window.findChild<QDockWidget*>(QStringLiteral("issuesDock"));
    if (issuesDock && issuesDock->isVisible())
        shots.save(issuesDock, QStringLiteral("issues"));
    showSettled(window, shown);
    return shots.written();
}

} // namespace wb::screenshots
