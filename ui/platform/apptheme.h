// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

class QPalette;

namespace wb::ui {

/// The workbench's colour scheme: the desktop's own, or a built-in light or dark palette on the Fusion style
/// (for desktops without a dark theme of their own, and for checking both schemes on one machine).
enum class AppTheme { System, Light, Dark };

std::optional<AppTheme> appThemeFromName(const QString& name);
QString appThemeName(AppTheme theme);

/// The built-in palettes. Every role a view paints with is set, so that no light default leaks into dark.
QPalette lightPalette();
QPalette darkPalette();

/// Applies `theme` to the running QApplication. System keeps the style and palette the application started with.
void applyAppTheme(AppTheme theme);

} // namespace wb::ui
