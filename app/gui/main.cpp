// SPDX-License-Identifier: Apache-2.0
#include "ui/mainwindow.h"
#include "ui/settings/settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // The icons are compiled into the static wb_ui library, whose resource initialiser the linker would drop.
    Q_INIT_RESOURCE(resources);
    QApplication::setApplicationName(QStringLiteral("i3c-workbench"));
    QApplication::setOrganizationName(QStringLiteral("i3c-workbench"));
    QApplication::setApplicationVersion(QStringLiteral(WB_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(WB_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(WB_APP_ID), QIcon(QStringLiteral(":/icons/app.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Workbench for irrelevant-condition identification"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"), QApplication::translate("main", "Dataset files to open."),
        QStringLiteral("[file...]"));
    const QCommandLineOption settingsFile(QStringLiteral("settings"),
        QApplication::translate("main", "Use <ini> instead of the per-user settings file."), QStringLiteral("ini"));
    parser.addOption(settingsFile);
    parser.process(app);

    std::unique_ptr<wb::ui::Settings> settings = parser.isSet(settingsFile)
        ? std::make_unique<wb::ui::Settings>(parser.value(settingsFile))
        : wb::ui::Settings::createUserInstance();
    wb::ui::MainWindow window(*settings);
    window.show();

    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        window.openFile(files.first());
    } else {
        window.openInitialDataset();
    }
    return app.exec();
}
