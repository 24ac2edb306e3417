// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QTextBrowser;
class QUrl;

namespace wb::ui {

/// The reasoning text a server returned beside a reply, as HTML for a QTextBrowser: collapsed to a link
/// ("▸ Model reasoning (N characters)") by default, the text itself once expanded. Empty for no reasoning.
QString reasoningBlockHtml(const QString& reasoning, bool expanded);

/// True for the link reasoningBlockHtml() writes.
bool isReasoningToggle(const QUrl& url);

/// Makes `browser` report the toggle link through anchorClicked instead of following it.
void keepLinksInPlace(QTextBrowser* browser);

/// A reply status for people: "done", "done (cached)", "empty", "filtered", "truncated", "malformed", "error".
QString callStatusLabel(const char* statusName, bool fromCache);

} // namespace wb::ui
