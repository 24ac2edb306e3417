// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QGraphicsItem>

#include <vector>

class QAbstractSeries;
class QChart;

namespace wb::ui {

/// Whiskers of confidence intervals drawn over a chart's plot area. Positions are in the series' value
/// coordinates and mapped at paint time, so the whiskers follow the bars through every resize.
class ErrorBarItem : public QGraphicsItem {
public:
    struct Whisker {
        qreal x = 0; ///< centre of the bar in axis units (category index + offset)
        qreal low = 0;
        qreal high = 0;
        qreal halfWidth = 0.05; ///< half the cap's width in axis units
    };

    ErrorBarItem(QChart* chart, QAbstractSeries* series);

    void setWhiskers(std::vector<Whisker> whiskers);
    const std::vector<Whisker>& whiskers() const { return m_whiskers; }
    /// Call when the plot area moved: recomputes the bounding rectangle.
    void plotAreaChanged();

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QChart* m_chart;
    QAbstractSeries* m_series;
    std::vector<Whisker> m_whiskers;
    QRectF m_rect;
};

} // namespace wb::ui
