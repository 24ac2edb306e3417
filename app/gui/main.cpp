// SPDX-License-Identifier: Apache-2.0
#include "ui/mainwindow.h"
#include "ui/platform/datapaths.h"
#include "ui/settings/settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>

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
    const QCommandLineOption quitAfterLoad(QStringLiteral("quit-after-load"),
        QApplication::translate("main",
            "Open the file (the demo dataset when none is given), then quit: exit status 0 when it loaded, 1 when "
            "not. For checking an installation."));
    parser.addOption(settingsFile);
    parser.addOption(quitAfterLoad);
    parser.process(app);

    std::unique_ptr<wb::ui::Settings> settings = parser.isSet(settingsFile)
        ? std::make_unique<wb::ui::Settings>(parser.value(settingsFile))
        : wb::ui::Settings::createUserInstance();
    wb::ui::MainWindow window(*settings);
    window.show();

    QStringList files = parser.positionalArguments();
    if (parser.isSet(quitAfterLoad)) {
        QObject::connect(&window, &wb::ui::MainWindow::datasetLoaded, &app, []() { QApplication::exit(0); });
        QObject::connect(&window, &wb::ui::MainWindow::datasetFailed, &app, [](const QString& message) {
            QTextStream(stderr) << message << '\n';
            QApplication::exit(1);
        });
        if (files.isEmpty())
            files << wb::ui::findDemoDataset(); // not installed: an empty path, which fails to open
    }
    if (!files.isEmpty()) {
        window.openFile(files.first());
    } else {
        window.openInitialDataset();
    }
    return app.exec();
}
