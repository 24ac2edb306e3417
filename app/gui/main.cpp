// SPDX-License-Identifier: Apache-2.0
#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("i3c-workbench"));
    QApplication::setOrganizationName(QStringLiteral("i3c-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(WB_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(WB_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    wb::ui::MainWindow window;
    window.show();
    return app.exec();
}
