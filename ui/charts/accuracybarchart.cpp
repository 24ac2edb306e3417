// SPDX-License-Identifier: Apache-2.0
#include "ui/charts/accuracybarchart.h"

#include "ui/charts/errorbaritem.h"
#include "ui/charts/methodpalette.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegendMarker>
#include <QToolTip>
#include <QValueAxis>

namespace wb::ui {

namespace {
// The share of a category's width the group of bars takes (Qt's default is 0.5).
constexpr qreal kGroupWidth = 0.8;
}

AccuracyBarChart::AccuracyBarChart(QWidget* parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    // The view's own chart, configured in place: setChart() would not delete it, and it would leak.
    QChart* c = chart();
    c->setAnimationOptions(QChart::NoAnimation); // exports and tests must see the final bars
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 4, 4));
    connect(c, &QChart::plotAreaChanged, this, [this]() {
        if (m_errorBars)
            m_errorBars->plotAreaChanged();
    });
    // Below these the bars, whiskers and legend of a few runs no longer read.
    setMinimumSize(320, 240);
    rebuild();
}

void AccuracyBarChart::setChartData(BarChartData data)
{
    m_data = std::move(data);
    rebuild();
}

void AccuracyBarChart::rebuild()
{
    QChart* c = chart();
    c->removeAllSeries(); // deletes the old series and their sets
    for (QAbstractAxis* axis : c->axes())
        c->removeAxis(axis);
    delete m_axisX;
    delete m_axisY;
    delete m_errorBars;
    m_errorBars = nullptr;
    c->setTitle(m_data.title);

    m_series = new QBarSeries();
    m_series->setBarWidth(kGroupWidth);
    std::vector<ErrorBarItem::Whisker> whiskers;
    for (std::size_t s = 0; s < m_data.sets.size(); ++s) {
        const BarChartData::Set& set = m_data.sets[s];
        auto* bars = new QBarSet(set.label);
        const QColor color = methodColor(set.colorKey, set.shade);
        bars->setColor(color);
        bars->setBorderColor(color.darker(130));
        for (std::size_t c2 = 0; c2 < set.values.size(); ++c2) {
            const auto& value = set.values[c2];
            *bars << (value ? value->value * 100.0 : 0.0);
            if (value && value->total > 0) {
                ErrorBarItem::Whisker whisker;
                whisker.x = barCenter(static_cast<int>(s), static_cast<int>(c2));
                whisker.low = value->ci.low * 100.0;
                whisker.high = value->ci.high * 100.0;
                whisker.halfWidth = kGroupWidth / static_cast<qreal>(m_data.sets.size()) / 5.0;
                whiskers.push_back(whisker);
            }
        }
        const int setIndex = static_cast<int>(s);
        connect(bars, &QBarSet::clicked, this, [this, setIndex](int category) { emit barClicked(setIndex, category); });
        connect(bars, &QBarSet::hovered, this, [this, setIndex](bool status, int category) {
            if (!status) {
                QToolTip::hideText();
                return;
            }
            const BarChartData::Set& hovered = m_data.sets[static_cast<std::size_t>(setIndex)];
            const auto& value = hovered.values[static_cast<std::size_t>(category)];
            if (!value)
                return;
            QToolTip::showText(QCursor::pos(),
                tr("%1 · %2\n%3% (%4/%5), 95% CI [%6%, %7%]\nClick to list the problems")
                    .arg(hovered.label, m_data.categories.value(category))
                    .arg(value->value * 100.0, 0, 'f', 1)
                    .arg(value->correct)
                    .arg(value->total)
                    .arg(value->ci.low * 100.0, 0, 'f', 1)
                    .arg(value->ci.high * 100.0, 0, 'f', 1),
                this);
        });
        m_series->append(bars);
    }
    c->addSeries(m_series);

    m_axisX = new QBarCategoryAxis();
    m_axisX->append(m_data.categories.isEmpty() ? QStringList { QString() } : m_data.categories);
    m_axisX->setTitleText(m_data.axisTitle);
    m_axisY = new QValueAxis();
    m_axisY->setRange(0, 100);
    m_axisY->setTickCount(6);
    m_axisY->setLabelFormat(QStringLiteral("%.0f%%"));
    m_axisY->setTitleText(tr("Accuracy (95% CI)"));
    c->addAxis(m_axisX, Qt::AlignBottom);
    c->addAxis(m_axisY, Qt::AlignLeft);
    m_series->attachAxis(m_axisX);
    m_series->attachAxis(m_axisY);
    c->legend()->setVisible(!m_data.sets.empty());

    m_errorBars = new ErrorBarItem(c, m_series);
    m_errorBars->setWhiskers(std::move(whiskers));
}

qreal AccuracyBarChart::barCenter(int set, int category) const
{
    // QBarSeries lays a group out symmetrically around the category's index: each of n sets gets barWidth / n.
    const qreal n = static_cast<qreal>(std::max<std::size_t>(m_data.sets.size(), 1));
    const qreal slot = kGroupWidth / n;
    return static_cast<qreal>(category) - kGroupWidth / 2.0 + slot * (static_cast<qreal>(set) + 0.5);
}

QRectF AccuracyBarChart::barRect(int set, int category) const
{
    if (set < 0 || static_cast<std::size_t>(set) >= m_data.sets.size() || category < 0
        || static_cast<std::size_t>(category) >= m_data.sets[static_cast<std::size_t>(set)].values.size())
        return {};
    const auto& value = m_data.sets[static_cast<std::size_t>(set)].values[static_cast<std::size_t>(category)];
    if (!value)
        return {};
    const qreal half = kGroupWidth / static_cast<qreal>(m_data.sets.size()) / 2.0;
    const qreal x = barCenter(set, category);
    const QPointF topLeft = chart()->mapToPosition(QPointF(x - half, value->value * 100.0), m_series);
    const QPointF bottomRight = chart()->mapToPosition(QPointF(x + half, 0.0), m_series);
    const QRectF scene = QRectF(chart()->mapToScene(topLeft), chart()->mapToScene(bottomRight)).normalized();
    return QRectF(mapFromScene(scene.topLeft()), mapFromScene(scene.bottomRight()));
}

void AccuracyBarChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    if (m_errorBars)
        m_errorBars->plotAreaChanged();
}

} // namespace wb::ui
