// SPDX-License-Identifier: Apache-2.0
#include "ui/widgets/colorlegend.h"

#include "core/relevance/relevance.h"

#include <QLinearGradient>
#include <QPainter>

#include <cmath>

namespace wb::ui {

namespace {
constexpr int kBarHeight = 12;
constexpr int kSideMargin = 8;
constexpr int kGradientStops = 16;
}

ColorLegend::ColorLegend(const ColorScale& scale, QWidget* parent)
    : QWidget(parent)
    , m_scale(scale)
    , m_threshold(wb::relevance::kDefaultTheta)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Similarity colour scale; the marker shows the candidate threshold θ"));
}

void ColorLegend::setThreshold(double theta)
{
    m_threshold = theta;
    update();
}

QSize ColorLegend::sizeHint() const { return { 320, kBarHeight + 2 * fontMetrics().height() + 6 }; }

QSize ColorLegend::minimumSizeHint() const { return { 160, sizeHint().height() }; }

void ColorLegend::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QFontMetrics fm = fontMetrics();
    const QRect bar(kSideMargin, fm.height() + 2, width() - 2 * kSideMargin, kBarHeight);

    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    for (int i = 0; i <= kGradientStops; ++i) {
        const double t = static_cast<double>(i) / kGradientStops;
        gradient.setColorAt(t, ColorScale::colorAt(t));
    }
    painter.fillRect(bar, gradient);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(bar.adjusted(0, 0, -1, -1));

    painter.setPen(palette().color(QPalette::Text));
    const auto xOf = [&](double value) -> int {
        return bar.left() + static_cast<int>(std::lround(m_scale.fraction(value) * (bar.width() - 1)));
    };
    const QString low = QString::number(m_scale.minimum(), 'f', 1);
    const QString high = QString::number(m_scale.maximum(), 'f', 1);
    const int labelTop = bar.bottom() + 2;
    painter.drawText(QRect(bar.left(), labelTop, bar.width(), fm.height()), Qt::AlignLeft,
        low + QStringLiteral("  ") + tr("unrelated"));
    painter.drawText(QRect(bar.left(), labelTop, bar.width(), fm.height()), Qt::AlignRight,
        tr("related") + QStringLiteral("  ") + high);

    // θ marker: a dark tick through the bar and its value above it.
    const int x = xOf(m_threshold);
    painter.setPen(QPen(palette().color(QPalette::WindowText), 2));
    painter.drawLine(x, bar.top() - 2, x, bar.bottom() + 2);
    const QString label = QStringLiteral("θ = %1").arg(m_threshold, 0, 'f', 2);
    const int w = fm.horizontalAdvance(label);
    const int left = std::clamp(x - w / 2, 0, std::max(0, width() - w));
    painter.drawText(QRect(left, 0, w, fm.height()), Qt::AlignCenter, label);
}

} // namespace wb::ui
