// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

class QChartView;

namespace wb::ui {

/// Lives with the charts (house rule 19): it is the only export code that touches Qt Charts.
/// The chart as drawn in `view`, at `size` (the view's own size when empty), on a white background.
QImage renderChartImage(QChartView& view, QSize size = {});
/// The chart as SVG text (QSvgGenerator), at `size` (the view's own size when empty).
QByteArray renderChartSvg(QChartView& view, QSize size = {}, const QString& title = {});

/// PNG and SVG files, written atomically.
bool saveChartPng(QChartView& view, const QString& path, QString* error = nullptr, QSize size = {});
bool saveChartSvg(QChartView& view, const QString& path, QString* error = nullptr, QSize size = {});

} // namespace wb::ui
