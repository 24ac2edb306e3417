// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/sidebysideview.h"

#include "ui/widgets/reasoningblock.h"

#include <QLabel>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace wb::ui {

SideBySideView::SideBySideView(QWidget* parent)
    : QSplitter(Qt::Horizontal, parent)
{
    setObjectName(QStringLiteral("compareSideBySide"));
    setChildrenCollapsible(false);
    for (int side = 0; side < 2; ++side) {
        auto* pane = new QWidget(this);
        auto* layout = new QVBoxLayout(pane);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        Pane& p = m_panes[side];
        p.title = new QLabel(QStringLiteral("<b>%1</b>").arg(side == 0 ? tr("Run A") : tr("Run B")), pane);
        p.title->setTextFormat(Qt::RichText);
        p.view = new QTextBrowser(pane);
        p.view->setObjectName(side == 0 ? QStringLiteral("compareReasoningA") : QStringLiteral("compareReasoningB"));
        p.view->setMinimumWidth(160);
        keepLinksInPlace(p.view);
        connect(p.view, &QTextBrowser::anchorClicked, this, [this, side](const QUrl& url) {
            if (!isReasoningToggle(url))
                return;
            m_panes[side].expanded = !m_panes[side].expanded;
            render(side);
        });
        layout->addWidget(p.title);
        layout->addWidget(p.view, 1); // the height goes to the text, not the title
        addWidget(pane);
        setStretchFactor(side, 1);
    }
}

void SideBySideView::showSide(int side, const QString& title, const QString& html, const QString& thinking)
{
    Pane& p = m_panes[side];
    p.title->setText(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    p.html = html;
    p.thinking = thinking;
    p.expanded = false;
    render(side);
}

void SideBySideView::render(int side)
{
    const Pane& p = m_panes[side];
    // The reasoning text goes between the answer line and the reply, so the reply stays where the eye expects it.
    const qsizetype split = p.html.indexOf(QStringLiteral("</p>"));
    const qsizetype at = split < 0 ? 0 : split + 4;
    p.view->setHtml(p.html.left(at) + reasoningBlockHtml(p.thinking, p.expanded) + p.html.mid(at));
}

} // namespace wb::ui
