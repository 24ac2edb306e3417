// SPDX-License-Identifier: Apache-2.0
#include "ui/platform/filedialog.h"

#include <QFileDialog>

#include <utility>

namespace wb::ui {

FileDialog& FileDialog::instance()
{
    static FileDialog dialog;
    return dialog;
}

QString FileDialog::getOpenFileName(
    QWidget* parent, const QString& caption, const QString& directory, const QString& filter)
{
    return takeNextOr([&]() { return QFileDialog::getOpenFileName(parent, caption, directory, filter); });
}

QString FileDialog::getSaveFileName(
    QWidget* parent, const QString& caption, const QString& directory, const QString& filter)
{
    return takeNextOr([&]() { return QFileDialog::getSaveFileName(parent, caption, directory, filter); });
}

void FileDialog::setNextFileName(const QString& fileName)
{
    m_nextFileName = fileName;
    m_hasNext = true;
}

QString FileDialog::takeNextOr(const std::function<QString()>& ask)
{
    if (!m_hasNext)
        return ask();
    m_hasNext = false;
    return std::exchange(m_nextFileName, QString());
}

} // namespace wb::ui
