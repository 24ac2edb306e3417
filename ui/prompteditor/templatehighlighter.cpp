// SPDX-License-Identifier: Apache-2.0
#include "ui/prompteditor/templatehighlighter.h"

#include <QRegularExpression>
#include <QTextDocument>

namespace wb::ui {

namespace {
// The tag forms of core/method/template.h; anything else between braces is left to the validator.
const QRegularExpression& tagPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(\{\{\s*(#if\s+|/if|else)?\s*([^{}\s]*)\s*\}\})"));
    return pattern;
}
}

TemplateHighlighter::TemplateHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
}

QColor TemplateHighlighter::knownColor() { return QColor(0x1f, 0x5f, 0xbf); }

QColor TemplateHighlighter::unknownColor() { return QColor(0xc0, 0x10, 0x10); }

void TemplateHighlighter::setKnownVariables(const QSet<QString>& names)
{
    if (names == m_known)
        return;
    m_known = names;
    rehighlight();
}

void TemplateHighlighter::setIssueSpans(const QList<Span>& spans)
{
    m_issues = spans;
    rehighlight();
}

void TemplateHighlighter::highlightBlock(const QString& text)
{
    QTextCharFormat keyword;
    keyword.setForeground(QColor(0x76, 0x2a, 0x83));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat known;
    known.setForeground(knownColor());
    known.setFontWeight(QFont::Bold);
    QTextCharFormat unknown;
    unknown.setForeground(unknownColor());
    unknown.setFontWeight(QFont::Bold);
    unknown.setBackground(QColor(0xfd, 0xe0, 0xdd));

    auto it = tagPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString directive = match.captured(1).trimmed();
        const QString name = match.captured(2);
        if (directive == QLatin1String("else") || directive == QLatin1String("/if")) {
            setFormat(match.capturedStart(), match.capturedLength(), keyword);
            continue;
        }
        const bool isKnown = m_known.contains(name);
        setFormat(match.capturedStart(), match.capturedLength(), isKnown ? known : unknown);
        if (!directive.isEmpty())
            setFormat(match.capturedStart(1), match.capturedLength(1), keyword);
    }

    // Issue spans are document positions; underline the part that falls into this block.
    const int blockStart = currentBlock().position();
    const int blockEnd = blockStart + text.size();
    for (const Span& span : m_issues) {
        const int start = std::max(span.start, blockStart);
        const int end = std::min(span.start + std::max(span.length, 1), blockEnd);
        if (start >= end)
            continue;
        for (int pos = start; pos < end; ++pos) {
            QTextCharFormat f = format(pos - blockStart);
            f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            f.setUnderlineColor(unknownColor());
            f.setBackground(QColor(0xfd, 0xe0, 0xdd));
            setFormat(pos - blockStart, 1, f);
        }
    }
}

int utf8OffsetToPosition(const QString& text, std::size_t byteOffset)
{
    const QByteArray utf8 = text.toUtf8();
    const auto clamped
        = static_cast<qsizetype>(std::min<std::size_t>(byteOffset, static_cast<std::size_t>(utf8.size())));
    return static_cast<int>(QString::fromUtf8(utf8.left(clamped)).size());
}

} // namespace wb::ui
