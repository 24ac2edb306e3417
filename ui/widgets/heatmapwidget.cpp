// SPDX-License-Identifier: Apache-2.0
#include "ui/widgets/heatmapwidget.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace wb::ui {

namespace {
constexpr int kMargin = 6;
constexpr int kMinCell = 18;
constexpr int kMaxCell = 64;
constexpr int kLabelGap = 6;
constexpr int kPreferredCell = 48;
}

HeatmapWidget::HeatmapWidget(QWidget* parent)
    : QWidget(parent)
    , m_cellPainter(ColorScale(0.0, 1.0), 2)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setToolTip(tr("Cosine similarity of each condition with the question (q) and with every condition"));
}

void HeatmapWidget::setMatrix(const QStringList& rowLabels, const QStringList& columnLabels,
    const std::vector<std::vector<double>>& values, const QStringList& rowDetails, const QStringList& columnDetails)
{
    m_rowLabels = rowLabels;
    m_columnLabels = columnLabels;
    m_rowDetails = rowDetails;
    m_columnDetails = columnDetails;
    m_values = values;
    m_placeholder.clear();
    m_hover = { -1, -1 };
    updateGeometry();
    update();
}

void HeatmapWidget::clear(const QString& placeholder)
{
    setMatrix({}, {}, {});
    m_placeholder = placeholder;
    update();
}

double HeatmapWidget::value(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return std::numeric_limits<double>::quiet_NaN();
    const std::vector<double>& r = m_values[static_cast<std::size_t>(row)];
    return static_cast<std::size_t>(column) < r.size() ? r[static_cast<std::size_t>(column)]
                                                       : std::numeric_limits<double>::quiet_NaN();
}

HeatmapWidget::Layout HeatmapWidget::layout() const
{
    Layout l;
    const QFontMetrics fm = fontMetrics();
    for (const QString& label : m_rowLabels)
        l.rowLabelWidth = std::max(l.rowLabelWidth, fm.horizontalAdvance(label));
    l.rowLabelWidth += kLabelGap;
    l.columnLabelHeight = fm.height() + kLabelGap;
    const int rows = std::max(1, rowCount());
    const int columns = std::max(1, columnCount());
    const int byWidth = (width() - 2 * kMargin - l.rowLabelWidth) / columns;
    const int byHeight = (height() - 2 * kMargin - l.columnLabelHeight) / rows;
    l.cellSize = std::clamp(std::min(byWidth, byHeight), kMinCell, kMaxCell);
    return l;
}

QRect HeatmapWidget::cellRect(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    const Layout l = layout();
    return QRect(kMargin + l.rowLabelWidth + column * l.cellSize, kMargin + l.columnLabelHeight + row * l.cellSize,
        l.cellSize, l.cellSize);
}

QPoint HeatmapWidget::cellAt(const QPoint& pos) const
{
    if (rowCount() == 0)
        return { -1, -1 };
    const Layout l = layout();
    const int x = pos.x() - kMargin - l.rowLabelWidth;
    const int y = pos.y() - kMargin - l.columnLabelHeight;
    if (x < 0 || y < 0)
        return { -1, -1 };
    const int column = x / l.cellSize;
    const int row = y / l.cellSize;
    if (row >= rowCount() || column >= columnCount())
        return { -1, -1 };
    return { column, row };
}

QString HeatmapWidget::cellToolTip(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    const double v = value(row, column);
    QString tip = QStringLiteral("<b>%1 × %2</b>: %3")
                      .arg(m_rowLabels.value(row), m_columnLabels.value(column),
                          std::isnan(v) ? tr("undefined") : QString::number(v, 'f', 4));
    if (row < m_rowDetails.size())
        tip += QStringLiteral("<br><i>%1</i>: %2").arg(m_rowLabels.value(row), m_rowDetails.at(row).toHtmlEscaped());
    if (column < m_columnDetails.size() && m_columnLabels.value(column) != m_rowLabels.value(row))
        tip += QStringLiteral("<br><i>%1</i>: %2")
                   .arg(m_columnLabels.value(column), m_columnDetails.at(column).toHtmlEscaped());
    return tip;
}

QSize HeatmapWidget::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int labels = fm.horizontalAdvance(QStringLiteral("c00")) + kLabelGap;
    const int columns = std::max(1, columnCount());
    const int rows = std::max(1, rowCount());
    return { std::min(2 * kMargin + labels + columns * kPreferredCell, 720),
        std::min(2 * kMargin + fm.height() + kLabelGap + rows * kPreferredCell, 560) };
}

QSize HeatmapWidget::minimumSizeHint() const { return { 160, 120 }; }

void HeatmapWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (rowCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(
            rect().adjusted(kMargin, kMargin, -kMargin, -kMargin), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const Layout l = layout();
    const QColor labelColor = palette().color(QPalette::Text);
    QFont bold = font();
    bold.setBold(true);

    for (int column = 0; column < columnCount(); ++column) {
        const QRect cell = cellRect(0, column);
        const QRect labelRect(cell.left(), kMargin, cell.width(), l.columnLabelHeight - kLabelGap);
        painter.setFont(column == m_hover.x() ? bold : font());
        painter.setPen(labelColor);
        painter.drawText(labelRect, Qt::AlignCenter, m_columnLabels.value(column));
    }
    for (int row = 0; row < rowCount(); ++row) {
        const QRect cell = cellRect(row, 0);
        const QRect labelRect(kMargin, cell.top(), l.rowLabelWidth - kLabelGap, cell.height());
        painter.setFont(row == m_hover.y() ? bold : font());
        painter.setPen(labelColor);
        painter.drawText(labelRect, Qt::AlignRight | Qt::AlignVCenter, m_rowLabels.value(row));
    }
    painter.setFont(font());
    for (int row = 0; row < rowCount(); ++row) {
        for (int column = 0; column < columnCount(); ++column)
            m_cellPainter.paint(&painter, cellRect(row, column).adjusted(0, 0, -1, -1), value(row, column));
    }
    // The question column is a different kind of comparison than the condition block: separate them.
    if (columnCount() > 1) {
        const QRect q = cellRect(0, 0);
        const QRect last = cellRect(rowCount() - 1, 0);
        painter.setPen(QPen(palette().color(QPalette::Base), 3));
        painter.drawLine(q.right() + 1, q.top(), last.right() + 1, last.bottom());
    }
    if (m_hover.x() >= 0) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cellRect(m_hover.y(), m_hover.x()).adjusted(1, 1, -2, -2));
    }
}

bool HeatmapWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint cell = cellAt(help->pos());
        if (cell.x() >= 0)
            QToolTip::showText(help->globalPos(), cellToolTip(cell.y(), cell.x()), this, cellRect(cell.y(), cell.x()));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void HeatmapWidget::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    if (cell != m_hover) {
        m_hover = cell;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void HeatmapWidget::leaveEvent(QEvent* event)
{
    m_hover = { -1, -1 };
    update();
    QWidget::leaveEvent(event);
}

} // namespace wb::ui
