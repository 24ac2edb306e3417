// SPDX-License-Identifier: Apache-2.0
#include "ui/delegates/heatcellpainter.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRect>

#include <cmath>

namespace wb::ui {

namespace {
constexpr int kLabelMargin = 2;
}

HeatCellPainter::HeatCellPainter(const ColorScale& scale, int decimals)
    : m_scale(scale)
    , m_decimals(decimals)
{
}

QString HeatCellPainter::label(double value) const
{
    if (std::isnan(value))
        return QStringLiteral("–");
    return QString::number(value, 'f', m_decimals);
}

bool HeatCellPainter::labelFits(const QFontMetrics& metrics, const QRect& rect, double value) const
{
    return metrics.horizontalAdvance(label(value)) + 2 * kLabelMargin <= rect.width()
        && metrics.height() <= rect.height();
}

void HeatCellPainter::paint(QPainter* painter, const QRect& rect, double value, bool withLabel) const
{
    const QColor fill = m_scale.color(value);
    painter->save();
    painter->fillRect(rect, fill);
    if (withLabel && labelFits(painter->fontMetrics(), rect, value)) {
        painter->setPen(ColorScale::textColorFor(fill));
        painter->drawText(rect, Qt::AlignCenter, label(value));
    }
    painter->restore();
}

} // namespace wb::ui
