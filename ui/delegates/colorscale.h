// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>

namespace wb::ui {

/// Maps a similarity value onto a colour. Pure functions so that the mapping is testable without painting.
/// The scale runs from warm (low similarity: likely irrelevant) to cool (high similarity: clearly relevant),
/// passing through a pale neutral at the midpoint so that text on top stays readable everywhere.
class ColorScale {
public:
    /// Values outside [minimum, maximum] clamp to the ends; NaN maps to `missingColor()`.
    ColorScale(double minimum = 0.0, double maximum = 1.0);

    double minimum() const { return m_minimum; }
    double maximum() const { return m_maximum; }

    /// Position of `value` in [0, 1] along the scale (NaN stays NaN).
    double fraction(double value) const;
    /// Colour for a raw value.
    QColor color(double value) const;
    /// Colour at a position in [0, 1] (clamped).
    static QColor colorAt(double fraction);
    /// Lighter variant used as a text background: blends colorAt() towards white.
    static QColor backgroundAt(double fraction);
    /// Colour used for cells without a value (diagonal of n = 1, failed encodings).
    static QColor missingColor();
    /// Black or white, whichever contrasts more with `background` (WCAG relative luminance).
    static QColor textColorFor(const QColor& background);

private:
    double m_minimum;
    double m_maximum;
};

} // namespace wb::ui
