// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/compare/comparison.h"

#include <QChartView>

class QBarSeries;
class QBarCategoryAxis;
class QValueAxis;

namespace wb::ui {

class ErrorBarItem;

/// Grouped accuracy bars (percent) with 95% Wilson intervals as whiskers. One bar set per method or run,
/// coloured by methodColor(); clicking a bar emits barClicked(set, category).
class AccuracyBarChart : public QChartView {
    Q_OBJECT
public:
    explicit AccuracyBarChart(QWidget* parent = nullptr);

    void setChartData(BarChartData data);
    const BarChartData& chartData() const { return m_data; }

    /// Where bar (set, category) is drawn, in viewport coordinates (empty when there is no such bar).
    QRectF barRect(int set, int category) const;
    /// The centre of a bar's x range in axis units (category index + offset inside the group).
    qreal barCenter(int set, int category) const;
    ErrorBarItem* errorBars() const { return m_errorBars; }

signals:
    void barClicked(int set, int category);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();

    BarChartData m_data;
    QBarSeries* m_series = nullptr;
    QBarCategoryAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    ErrorBarItem* m_errorBars = nullptr;
};

} // namespace wb::ui
