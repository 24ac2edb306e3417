// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QSet>
#include <QSyntaxHighlighter>

namespace wb::ui {

/// Colours the tags of a prompt template: `{{name}}` of a variable the step can see in one colour, an unknown
/// name in red, `{{#if}}`/`{{else}}`/`{{/if}}` as keywords, and underlines the spans of reported issues.
class TemplateHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    /// A span in the document, in QString positions.
    struct Span {
        int start = 0;
        int length = 0;
    };

    explicit TemplateHighlighter(QTextDocument* document);

    void setKnownVariables(const QSet<QString>& names);
    const QSet<QString>& knownVariables() const { return m_known; }
    void setIssueSpans(const QList<Span>& spans);

    static QColor knownColor();
    static QColor unknownColor();

protected:
    void highlightBlock(const QString& text) override;

private:
    QSet<QString> m_known;
    QList<Span> m_issues;
};

/// QString position of byte `byteOffset` of `text` encoded as UTF-8 (core reports template offsets in bytes).
int utf8OffsetToPosition(const QString& text, std::size_t byteOffset);

} // namespace wb::ui
