// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace wb::ui {

/// Wraps the native file dialogs so that tests can answer them without a modal loop.
class FileDialog {
public:
    static FileDialog& instance();

    /// Returns the chosen file or an empty string. A queued test answer is returned (and consumed) instead of
    /// opening a dialog.
    QString getOpenFileName(QWidget* parent, const QString& caption, const QString& directory, const QString& filter);
    QString getSaveFileName(QWidget* parent, const QString& caption, const QString& directory, const QString& filter);

    /// Test seam: the next get*FileName() call returns `fileName` without showing a dialog.
    void setNextFileName(const QString& fileName);

private:
    FileDialog() = default;
    QString takeNextOr(const std::function<QString()>& ask);

    QString m_nextFileName;
    bool m_hasNext = false;
};

} // namespace wb::ui
