// SPDX-License-Identifier: Apache-2.0
// wb-screenshots: opens files in the real workbench window and saves a PNG of every page (scripts/screenshots.sh).
#include "tools/screenshots/screenshotter.h"
#include "ui/mainwindow.h"
#include "ui/settings/settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTemporaryDir>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // The icons are compiled into the static wb_ui library, whose resource initialiser the linker would drop.
    Q_INIT_RESOURCE(resources);
    // The workbench's names, so that the window finds the same data folders as i3c-workbench does.
    QApplication::setApplicationName(QStringLiteral("i3c-workbench"));
    QApplication::setOrganizationName(QStringLiteral("i3c-workbench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Opens each file (the demo dataset when none is given) in the workbench window, saves a PNG of every page "
        "into <dir>, then quits; exits 1 when a file could not be opened or shot."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Folder for the PNG files."));
    parser.addPositionalArgument(
        QStringLiteral("files"), QStringLiteral("Datasets or results databases to open."), QStringLiteral("[file...]"));
    parser.process(app);
    QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        QTextStream(stderr) << "wb-screenshots: missing <dir>\n" << parser.helpText();
        return 2;
    }
    const QString directory = arguments.takeFirst();

    // A throw-away settings file: screenshots always show the default layout, never the user's.
    const QTemporaryDir scratch;
    if (!scratch.isValid()) {
        QTextStream(stderr) << "wb-screenshots: no temporary folder for the settings: " << scratch.errorString()
                            << '\n';
        return 1;
    }
    wb::ui::Settings settings(scratch.filePath(QStringLiteral("settings.ini")));
    wb::ui::MainWindow window(settings);
    window.show();

    wb::screenshots::Screenshotter shooter(window, directory, arguments);
    QObject::connect(&shooter, &wb::screenshots::Screenshotter::done, &app,
        [](int failures) { QApplication::exit(failures == 0 ? 0 : 1); });
    shooter.start();
    return app.exec();
}
