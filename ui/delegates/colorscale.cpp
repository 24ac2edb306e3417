// SPDX-License-Identifier: Apache-2.0
#include "ui/delegates/colorscale.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace wb::ui {

namespace {

struct Stop {
    double at;
    int r, g, b;
};

// A diverging red-yellow-blue ramp (ColorBrewer RdYlBu, 5 classes): colour-blind safe, and the pale middle
// keeps black text legible on every cell.
constexpr std::array<Stop, 5> kStops { {
    { 0.00, 215, 48, 39 },
    { 0.25, 252, 141, 89 },
    { 0.50, 255, 255, 191 },
    { 0.75, 145, 191, 219 },
    { 1.00, 69, 117, 180 },
} };

double channelLuminance(int channel)
{
    const double c = channel / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double relativeLuminance(const QColor& color)
{
    return 0.2126 * channelLuminance(color.red()) + 0.7152 * channelLuminance(color.green())
        + 0.0722 * channelLuminance(color.blue());
}

} // namespace

ColorScale::ColorScale(double minimum, double maximum)
    : m_minimum(minimum)
    , m_maximum(maximum > minimum ? maximum : minimum + 1.0)
{
}

double ColorScale::fraction(double value) const
{
    if (std::isnan(value))
        return value;
    return std::clamp((value - m_minimum) / (m_maximum - m_minimum), 0.0, 1.0);
}

QColor ColorScale::color(double value) const
{
    if (std::isnan(value))
        return missingColor();
    return colorAt(fraction(value));
}

QColor ColorScale::colorAt(double fraction)
{
    if (std::isnan(fraction))
        return missingColor();
    const double t = std::clamp(fraction, 0.0, 1.0);
    for (std::size_t i = 1; i < kStops.size(); ++i) {
        const Stop& hi = kStops[i];
        if (t > hi.at)
            continue;
        const Stop& lo = kStops[i - 1];
        const double u = (t - lo.at) / (hi.at - lo.at);
        const auto mix = [u](int a, int b) -> int { return static_cast<int>(std::lround(a + (b - a) * u)); };
        return QColor(mix(lo.r, hi.r), mix(lo.g, hi.g), mix(lo.b, hi.b));
    }
    const Stop& last = kStops.back();
    return QColor(last.r, last.g, last.b);
}

QColor ColorScale::backgroundAt(double fraction)
{
    const QColor base = colorAt(fraction);
    // 55% of the colour over white: strong enough to tell values apart, light enough for body text.
    const auto blend = [](int c) -> int { return static_cast<int>(std::lround(255 + (c - 255) * 0.55)); };
    return QColor(blend(base.red()), blend(base.green()), blend(base.blue()));
}

QColor ColorScale::missingColor() { return QColor(224, 224, 224); }

QColor ColorScale::textColorFor(const QColor& background)
{
    const double l = relativeLuminance(background);
    // Contrast ratio against black is (l + 0.05) / 0.05, against white 1.05 / (l + 0.05); pick the larger.
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace wb::ui
