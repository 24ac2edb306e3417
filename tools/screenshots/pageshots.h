// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace wb::ui {
class MainWindow;
}

namespace wb::screenshots {

/// Saves one PNG per page of `window` into `directory` (`<prefix>mainwindow.png`, `<prefix>datasets.png`, …) and
/// returns the written paths. Docked pages that are hidden are shown floating for the shot, then put back.
QStringList savePageShots(wb::ui::MainWindow& window, const QString& directory, const QString& prefix = {});

} // namespace wb::screenshots
