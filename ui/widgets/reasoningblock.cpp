// SPDX-License-Identifier: Apache-2.0
#include "ui/widgets/reasoningblock.h"

#include <QCoreApplication>
#include <QTextBrowser>
#include <QUrl>

namespace wb::ui {

namespace {

const QString kToggle = QStringLiteral("wb-reasoning:toggle");

QString tr(const char* text) { return QCoreApplication::translate("wb::ui::ReasoningBlock", text); }

} // namespace

QString reasoningBlockHtml(const QString& reasoning, bool expanded)
{
    if (reasoning.isEmpty())
        return {};
    QString html = QStringLiteral("<p><a href=\"%1\">%2 %3</a></p>")
                       .arg(kToggle, expanded ? QStringLiteral("▾") : QStringLiteral("▸"),
                           tr("Model reasoning (%1 characters)").arg(reasoning.size()));
    if (expanded)
        html += QStringLiteral("<pre style=\"white-space:pre-wrap; color:gray\">%1</pre>")
                    .arg(reasoning.toHtmlEscaped());
    return html;
}

bool isReasoningToggle(const QUrl& url) { return url.toString() == kToggle; }

void keepLinksInPlace(QTextBrowser* browser)
{
    browser->setOpenLinks(false);
    browser->setOpenExternalLinks(false);
}

QString callStatusLabel(const char* statusName, bool fromCache)
{
    const QString name = QString::fromLatin1(statusName);
    return fromCache ? tr("%1 (cached)").arg(name) : name;
}

} // namespace wb::ui
