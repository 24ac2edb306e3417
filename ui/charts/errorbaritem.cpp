// SPDX-License-Identifier: Apache-2.0
#include "ui/charts/errorbaritem.h"

#include <QAbstractSeries>
#include <QChart>
#include <QPainter>

namespace wb::ui {

ErrorBarItem::ErrorBarItem(QChart* chart, QAbstractSeries* series)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_series(series)
{
    setZValue(100); // above the bars
    setAcceptedMouseButtons(Qt::NoButton); // clicks go through to the bars
    plotAreaChanged();
}

void ErrorBarItem::setWhiskers(std::vector<Whisker> whiskers)
{
    m_whiskers = std::move(whiskers);
    update();
}

void ErrorBarItem::plotAreaChanged()
{
    prepareGeometryChange();
    m_rect = m_chart->plotArea().adjusted(-4, -4, 4, 4);
}

QRectF ErrorBarItem::boundingRect() const { return m_rect; }

void ErrorBarItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(m_chart->plotArea().adjusted(-2, -2, 2, 2));
    // Dark whiskers with a light halo stay readable on light and dark bars alike.
    QPen halo(QColor(255, 255, 255, 200), 3.5);
    QPen pen(QColor(0x20, 0x20, 0x20), 1.5);
    for (const QPen& p : { halo, pen }) {
        painter->setPen(p);
        for (const Whisker& w : m_whiskers) {
            const QPointF low = m_chart->mapToPosition(QPointF(w.x, w.low), m_series);
            const QPointF high = m_chart->mapToPosition(QPointF(w.x, w.high), m_series);
            const qreal half = m_chart->mapToPosition(QPointF(w.x + w.halfWidth, w.low), m_series).x() - low.x();
            painter->drawLine(low, high);
            painter->drawLine(QPointF(low.x() - half, low.y()), QPointF(low.x() + half, low.y()));
            painter->drawLine(QPointF(high.x() - half, high.y()), QPointF(high.x() + half, high.y()));
        }
    }
    painter->restore();
}

} // namespace wb::ui
