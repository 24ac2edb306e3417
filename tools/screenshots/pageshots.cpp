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

/// The dock the main window keeps `page` in (the page's parent once docked).
QDockWidget* dockOf(QWidget* page) { return qobject_cast<QDockWidget*>(page->parentWidget()); }

} // namespace

QStringList savePageShots(wb::ui::MainWindow& window, const QString& directory, const QString& prefix)
{
    ShotWriter shots(directory, prefix);
    shots.save(&window, QStringLiteral("mainwindow"));
    shots.save(window.datasetsPage(), QStringLiteral("datasets"));
    shots.save(window.inspectorPage(), QStringLiteral("inspector"));
    // A hidden dock does not lay its page out: float it at a readable size for the shot.
    QDockWidget* promptEditorDock = dockOf(window.promptEditorPage());
    const bool promptEditorShown = promptEditorDock->isVisible();
    if (!promptEditorShown) {
        promptEditorDock->setFloating(true);
        promptEditorDock->resize(1440, 860);
        promptEditorDock->show();
    }
    shots.save(window.promptEditorPage(), QStringLiteral("prompteditor"));
    if (!promptEditorShown) {
        promptEditorDock->hide();
        promptEditorDock->setFloating(false);
    }
    auto* issuesDock = window.findChild<QDockWidget*>(QStringLiteral("issuesDock"));
    if (issuesDock && issuesDock->isVisible())
        shots.save(issuesDock, QStringLiteral("issues"));
    wb::ui::RunsPage* runs = window.runsPage();
    if (dockOf(runs)->isVisible() && runs->model()->rowCount() > 0)
        shots.save(runs, QStringLiteral("runs"));
    wb::ui::ComparePage* compare = window.comparePage();
    if (compare->comparison() && !compare->comparison()->runs.empty()) {
        if (!dockOf(compare)->isVisible())
            compare->resize(1440, 900); // a hidden dock does not lay its page out
        shots.save(compare, QStringLiteral("compare"));
    }
    return shots.written();
}

} // namespace wb::screenshots
