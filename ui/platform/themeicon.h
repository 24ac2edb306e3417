// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QIcon>
#include <QStyle>

namespace wb::ui {

/// The icon theme's `name` (freedesktop naming), else the style's `fallback`: desktops without an icon theme
/// (Windows, macOS, bare X sessions) still get an icon.
QIcon themeIcon(const char* name, QStyle::StandardPixmap fallback);

} // namespace wb::ui
