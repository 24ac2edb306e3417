// SPDX-License-Identifier: Apache-2.0
#include "ui/widgets/problemtextview.h"

#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace wb::ui {

namespace {

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Where each condition (and then the question) occurs in `text`, searching forward from the previous
/// match; empty when any piece is missing (the dataset shipped its own, differently worded segmentation).
std::vector<Span> locate(const wb::dataset::Problem& problem)
{
    std::vector<Span> spans;
    std::size_t from = 0;
    for (const std::string& condition : problem.conditions) {
        const std::size_t at = problem.text.find(condition, from);
        if (condition.empty() || at == std::string::npos)
            return {};
        spans.push_back({ at, at + condition.size() });
        from = at + condition.size();
    }
    return spans;
}

QTextCharFormat labelFormat(const QPalette& palette)
{
    QTextCharFormat f;
    f.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
    f.setForeground(palette.color(QPalette::PlaceholderText));
    return f;
}

QTextCharFormat goldBadgeFormat()
{
    QTextCharFormat f;
    f.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
    f.setBackground(QColor(118, 42, 131));
    f.setForeground(Qt::white);
    f.setFontWeight(QFont::Bold);
    return f;
}

} // namespace

ProblemTextView::ProblemTextView(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("problemText"));
    setOpenLinks(false);
    setReadOnly(true);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    document()->setDefaultFont(f);
    document()->setDocumentMargin(10);
}

void ProblemTextView::showMessage(const QString& message)
{
    m_located = false;
    document()->clear();
    QTextCursor cursor(document());
    QTextCharFormat f;
    f.setForeground(palette().color(QPalette::PlaceholderText));
    cursor.insertText(message, f);
}

void ProblemTextView::showProblem(
    const wb::dataset::Problem& problem, const std::vector<double>& sq, const std::vector<int>& candidates)
{
    document()->clear();
    QTextCursor cursor(document());
    const QTextCharFormat plain;
    const std::vector<Span> spans = locate(problem);
    m_located = !spans.empty() || problem.conditions.empty();

    const auto insertCondition = [&](std::size_t i, const std::string& text) {
        const int index = static_cast<int>(i);
        cursor.insertText(QStringLiteral("c%1").arg(index + 1), labelFormat(palette()));
        QTextCharFormat f;
        if (i < sq.size() && !std::isnan(sq[i])) {
            f.setBackground(ColorScale::backgroundAt(m_scale.fraction(sq[i])));
            f.setToolTip(tr("c%1: s(q) = %2").arg(index + 1).arg(sq[i], 0, 'f', 3));
        }
        if (std::find(candidates.begin(), candidates.end(), index) != candidates.end()) {
            f.setUnderlineStyle(QTextCharFormat::DashUnderline);
            f.setUnderlineColor(QColor(165, 0, 38));
            f.setToolTip(f.toolTip() + tr(" — irrelevant-condition candidate"));
        }
        cursor.insertText(QString::fromStdString(text), f);
        if (std::find(problem.goldIrrelevant.begin(), problem.goldIrrelevant.end(), index)
            != problem.goldIrrelevant.end()) {
            QTextCharFormat badge = goldBadgeFormat();
            badge.setToolTip(tr("Annotated as irrelevant in the dataset"));
            cursor.insertText(QStringLiteral("\u2009gold\u2009"), badge);
        }
    };

    if (!spans.empty()) {
        std::size_t pos = 0;
        for (std::size_t i = 0; i < spans.size(); ++i) {
            cursor.insertText(QString::fromStdString(problem.text.substr(pos, spans[i].begin - pos)), plain);
            insertCondition(i, problem.text.substr(spans[i].begin, spans[i].end - spans[i].begin));
            pos = spans[i].end;
        }
        cursor.insertText(QString::fromStdString(problem.text.substr(pos)), plain);
        return;
    }
    for (std::size_t i = 0; i < problem.conditions.size(); ++i) {
        insertCondition(i, problem.conditions[i]);
        cursor.insertText(QStringLiteral(" "), plain);
    }
    if (!problem.question.empty()) {
        cursor.insertText(QStringLiteral("q"), labelFormat(palette()));
        QTextCharFormat q;
        q.setFontWeight(QFont::DemiBold);
        cursor.insertText(QString::fromStdString(problem.question), q);
    } else if (problem.conditions.empty()) {
        cursor.insertText(QString::fromStdString(problem.text), plain);
    }
}

} // namespace wb::ui
