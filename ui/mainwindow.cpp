// SPDX-License-Identifier: Apache-2.0
#include "ui/mainwindow.h"

#include <QLabel>

namespace wb::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("I3C Workbench"));
    setCentralWidget(new QLabel(tr("I3C Workbench"), this));
    resize(1280, 800);
}

} // namespace wb::ui
