// SPDX-License-Identifier: Apache-2.0
#include "ui/platform/apptheme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace wb::ui {

namespace {

struct Colors {
    QColor window, windowText, base, alternateBase, text, button, buttonText, highlight, highlightedText, link,
        toolTipBase, toolTipText, placeholder, disabledText, mid, dark, light, shadow;
};

QPalette paletteFrom(const Colors& c)
{
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.windowText);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.buttonText);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, c.highlightedText);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::LinkVisited, c.link);
    p.setColor(QPalette::ToolTipBase, c.toolTipBase);
    p.setColor(QPalette::ToolTipText, c.toolTipText);
    p.setColor(QPalette::PlaceholderText, c.placeholder);
    p.setColor(QPalette::Light, c.light);
    p.setColor(QPalette::Midlight, c.light);
    p.setColor(QPalette::Mid, c.mid);
    p.setColor(QPalette::Dark, c.dark);
    p.setColor(QPalette::Shadow, c.shadow);
    for (const QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.mid);
    return p;
}

// Qt's start-up style and palette, so that System can go back to them after Light or Dark.
QString& startupStyle()
{
    static QString name;
    return name;
}

QPalette& startupPalette()
{
    static QPalette palette;
    return palette;
}

void rememberStartup()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    startupStyle() = QApplication::style()->name();
    startupPalette() = QApplication::palette();
}

} // namespace

std::optional<AppTheme> appThemeFromName(const QString& name)
{
    if (name == QLatin1String("system"))
        return AppTheme::System;
    if (name == QLatin1String("light"))
        return AppTheme::Light;
    if (name == QLatin1String("dark"))
        return AppTheme::Dark;
    return std::nullopt;
}

QString appThemeName(AppTheme theme)
{
    switch (theme) {
    case AppTheme::Light:
        return QStringLiteral("light");
    case AppTheme::Dark:
        return QStringLiteral("dark");
    case AppTheme::System:
        break;
    }
    return QStringLiteral("system");
}

QPalette lightPalette()
{
    return paletteFrom({ QColor(0xef, 0xef, 0xef), QColor(0x1f, 0x1f, 0x1f), Qt::white, QColor(0xf5, 0xf5, 0xf5),
        QColor(0x1f, 0x1f, 0x1f), QColor(0xe8, 0xe8, 0xe8), QColor(0x1f, 0x1f, 0x1f), QColor(0x30, 0x8c, 0xc6),
        Qt::white, QColor(0x1a, 0x5f, 0xb4), QColor(0xff, 0xff, 0xdc), Qt::black, QColor(0x76, 0x76, 0x76),
        QColor(0x8c, 0x8c, 0x8c), QColor(0xb8, 0xb8, 0xb8), QColor(0x9f, 0x9f, 0x9f), Qt::white,
        QColor(0x76, 0x76, 0x76) });
}

QPalette darkPalette()
{
    return paletteFrom({ QColor(0x2d, 0x2d, 0x30), QColor(0xe6, 0xe6, 0xe6), QColor(0x1e, 0x1e, 0x1e),
        QColor(0x26, 0x26, 0x29), QColor(0xe6, 0xe6, 0xe6), QColor(0x3a, 0x3a, 0x3d), QColor(0xe6, 0xe6, 0xe6),
        QColor(0x2f, 0x7d, 0xc1), Qt::white, QColor(0x6c, 0xb4, 0xff), QColor(0x3a, 0x3a, 0x3d),
        QColor(0xe6, 0xe6, 0xe6), QColor(0x9a, 0x9a, 0x9a), QColor(0x80, 0x80, 0x80), QColor(0x55, 0x55, 0x58),
        QColor(0x20, 0x20, 0x22), QColor(0x4a, 0x4a, 0x4d), QColor(0x10, 0x10, 0x10) });
}

void applyAppTheme(AppTheme theme)
{
    rememberStartup();
    switch (theme) {
    case AppTheme::System:
        QApplication::setStyle(QStyleFactory::create(startupStyle()));
        QApplication::setPalette(startupPalette());
        return;
    case AppTheme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(lightPalette());
        return;
    case AppTheme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        return;
    }
}

} // namespace wb::ui
