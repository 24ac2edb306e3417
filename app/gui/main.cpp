// SPDX-License-Identifier: Apache-2.0
#include "ui/mainwindow.h"
#include "ui/platform/apptheme.h"
#include "ui/platform/datapaths.h"
#include "ui/settings/settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>

#include <cstring>

namespace {

struct Options {
    QCommandLineOption settingsFile;
    QCommandLineOption quitAfterLoad;
    QCommandLineOption theme;
};

/// The command line, declared once for the early --help/--version answer and for the GUI itself.
Options declareOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Workbench for irrelevant-condition identification"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"), QCoreApplication::translate("main", "Dataset files to open."),
        QStringLiteral("[file...]"));
    Options options { QCommandLineOption(QStringLiteral("settings"),
                          QCoreApplication::translate("main", "Use <ini> instead of the per-user settings file."),
                          QStringLiteral("ini")),
        QCommandLineOption(QStringLiteral("quit-after-load"),
            QCoreApplication::translate("main",
                "Open the file (the demo dataset when none is given), then quit: exit status 0 when it loaded, 1 "
                "when not. For checking an installation.")),
        QCommandLineOption(QStringLiteral("theme"),
            QCoreApplication::translate(
                "main", "Colour scheme: system (the desktop's), light or dark. Saved as the choice in View › Theme."),
            QStringLiteral("name")) };
    parser.addOption(options.settingsFile);
    parser.addOption(options.quitAfterLoad);
    parser.addOption(options.theme);
    return options;
}

bool asksForHelpOrVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char* flag : { "-h", "--help", "-?", "-v", "--version" })
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

/// QApplication aborts without a display, and --help or --version need none: a QCoreApplication answers them
/// (and exits) before the QApplication exists. A command line it cannot parse (Qt's own GUI options such as
/// -platform) is left to the QApplication.
void answerHelpOrVersionWithoutDisplay(int argc, char* argv[])
{
    if (!asksForHelpOrVersion(argc, argv))
        return;
    QCoreApplication core(argc, argv);
    QCommandLineParser parser;
    declareOptions(parser);
    if (!parser.parse(QCoreApplication::arguments()))
        return;
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("i3c-workbench"));
    QCoreApplication::setOrganizationName(QStringLiteral("i3c-workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WB_VERSION));
    answerHelpOrVersionWithoutDisplay(argc, argv);

    QApplication app(argc, argv);
    // The icons are compiled into the static wb_ui library, whose resource initialiser the linker would drop.
    Q_INIT_RESOURCE(resources);
    QGuiApplication::setDesktopFileName(QStringLiteral(WB_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(WB_APP_ID), QIcon(QStringLiteral(":/icons/app.svg"))));

    QCommandLineParser parser;
    const Options options = declareOptions(parser);
    parser.process(app);

    std::unique_ptr<wb::ui::Settings> settings = parser.isSet(options.settingsFile)
        ? std::make_unique<wb::ui::Settings>(parser.value(options.settingsFile))
        : wb::ui::Settings::createUserInstance();
    if (parser.isSet(options.theme)) {
        if (!wb::ui::appThemeFromName(parser.value(options.theme))) {
            QTextStream(stderr) << QCoreApplication::translate(
                "main", "--theme: expected system, light or dark, not '%1'")
                                       .arg(parser.value(options.theme))
                                << '\n';
            return 2;
        }
        settings->setTheme(parser.value(options.theme));
    }
    wb::ui::applyAppTheme(wb::ui::appThemeFromName(settings->theme()).value_or(wb::ui::AppTheme::System));
    wb::ui::MainWindow window(*settings);
    window.show();

    QStringList files = parser.positionalArguments();
    if (parser.isSet(options.quitAfterLoad)) {
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
