// SPDX-License-Identifier: Apache-2.0
#include "ui/platform/themeicon.h"

#include <QApplication>

namespace wb::ui {

QIcon themeIcon(const char* name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name), QApplication::style()->standardIcon(fallback));
}

} // namespace wb::ui
