// SPDX-License-Identifier: Apache-2.0
#include "ui/charts/methodpalette.h"

#include <QStringList>

#include <array>
#include <cstdint>

namespace wb::ui {

namespace {

struct Shades {
    QRgb base; ///< the method without I3C
    QRgb i3c; ///< the same family with I3C
};

// Colour-blind-safe pairs (light/dark of one hue, after the Paired scheme), one per family.
constexpr std::array<Shades, 9> kShades { {
    { 0xa6cee3, 0x1f78b4 }, // blue
    { 0xfdbf6f, 0xe66101 }, // orange
    { 0xb2df8a, 0x33a02c }, // green
    { 0xcab2d6, 0x6a3d9a }, // purple
    { 0xfb9a99, 0xc51b1b }, // red
    { 0xdfc27d, 0x8c510a }, // brown
    { 0x9edae5, 0x01857a }, // teal
    { 0xf1b6da, 0xc51b7d }, // pink
    { 0xbdbdbd, 0x525252 }, // grey
} };

const QStringList& families()
{
    static const QStringList names { QStringLiteral("zero-shot-cot"), QStringLiteral("few-shot-cot"),
        QStringLiteral("auto-cot"), QStringLiteral("complex-cot"), QStringLiteral("direct"),
        QStringLiteral("plan-and-solve"), QStringLiteral("instruct-cot"), QStringLiteral("i3c-select") };
    return names;
}

std::uint32_t fnv1a(const QByteArray& bytes)
{
    std::uint32_t hash = 2166136261u;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

QColor methodColor(const QString& method)
{
    const QString suffix = QStringLiteral("+i3c");
    const bool withI3c = method.endsWith(suffix) || method == QStringLiteral("i3c-select");
    const QString family = method.endsWith(suffix) ? method.chopped(suffix.size()) : method;
    qsizetype slot = families().indexOf(family);
    if (slot < 0)
        slot = static_cast<qsizetype>(fnv1a(family.toUtf8()) % kShades.size());
    const Shades& shades = kShades[static_cast<std::size_t>(slot)];
    return QColor::fromRgb(withI3c ? shades.i3c : shades.base);
}

QColor methodColor(const QString& method, int shade)
{
    const QColor base = methodColor(method);
    if (shade <= 0)
        return base;
    const int step = 100 + 30 * ((shade + 1) / 2);
    return shade % 2 == 1 ? base.lighter(step) : base.darker(step);
}

} // namespace wb::ui
