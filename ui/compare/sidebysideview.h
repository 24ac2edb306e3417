// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSplitter>
#include <QString>

class QLabel;
class QTextBrowser;

namespace wb::ui {

/// Two runs' reasoning for one problem, side by side in a resizable splitter. Each pane scrolls on its own and
/// takes all the height it is given; the model's reasoning text sits collapsed below the answer line until its
/// link is followed.
class SideBySideView : public QSplitter {
    Q_OBJECT
public:
    explicit SideBySideView(QWidget* parent = nullptr);

    /// Shows `html` under `title` on `side` (0 = A, 1 = B); `thinking` is the reasoning text, collapsed.
    void showSide(int side, const QString& title, const QString& html, const QString& thinking = {});
    QTextBrowser* view(int side) const { return m_panes[side].view; }

private:
    void render(int side);

    struct Pane {
        QLabel* title = nullptr;
        QTextBrowser* view = nullptr;
        QString html; ///< answer and reply, without the reasoning text
        QString thinking; ///< the model's reasoning text
        bool expanded = false; ///< the reasoning text is collapsed by default
    };
    Pane m_panes[2];
};

} // namespace wb::ui
