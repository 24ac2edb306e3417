// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/delegates/colorscale.h"

#include <QString>

class QPainter;
class QRect;
class QFontMetrics;

namespace wb::ui {

/// Paints one heat-map cell: the scale colour plus the value printed in a contrasting colour when it fits.
/// Shared by HeatmapWidget and HeatDelegate so that both draw identical cells.
class HeatCellPainter {
public:
    explicit HeatCellPainter(const ColorScale& scale, int decimals = 2);

    /// Text printed for a value ("0.43"; "–" for NaN).
    QString label(double value) const;
    /// True when label(value) fits into `rect` with a small margin.
    bool labelFits(const QFontMetrics& metrics, const QRect& rect, double value) const;
    /// Fills `rect` and, when it fits and `withLabel` is set, prints the value. Restores the painter state.
    void paint(QPainter* painter, const QRect& rect, double value, bool withLabel = true) const;

    const ColorScale& scale() const { return m_scale; }

private:
    ColorScale m_scale;
    int m_decimals;
};

} // namespace wb::ui
