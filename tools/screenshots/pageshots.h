// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace wb::ui {
class MainWindow;
}

namespace wb::screenshots {

/// Saves one PNG per mode of `window` into `directory` (`<prefix>inspect.png`, `<prefix>prompts.png`,
/// `<prefix>runs.png` and `<prefix>compare.png` when they have runs), plus the Datasets and inspector pages on
/// their own, and returns the written paths. The mode shown before is shown again afterwards.
QStringList savePageShots(wb::ui::MainWindow& window, const QString& directory, const QString& prefix = {});

} // namespace wb::screenshots
