// SPDX-License-Identifier: Apache-2.0
#include "ui/charts/chartexport.h"

#include "ui/export/atomicfile.h"
#include "ui/export/pngfile.h"

#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QChartView>
#include <QPainter>
#include <QSvgGenerator>

namespace wb::ui {

namespace {

/// Renders the chart laid out for `size` (not scaled like a bitmap). The chart itself is resized for the
/// duration, so this also works for a chart on a hidden tab, whose view was never laid out.
void renderAt(QChartView& view, QSize size, QPainter& painter)
{
    QChart* chart = view.chart();
    const QSizeF old = chart->size();
    const QSizeF target = size.isValid() ? QSizeF(size) : QSizeF(view.size());
    chart->resize(target);
    if (QGraphicsLayout* layout = chart->layout())
        layout->activate();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    chart->scene()->render(&painter, QRectF(QPointF(0, 0), target), chart->sceneBoundingRect());
    chart->resize(old);
}

} // namespace

QImage renderChartImage(QChartView& view, QSize size)
{
    const QSize target = size.isValid() ? size : view.size();
    QImage image(target, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderAt(view, target, painter);
    painter.end();
    return image;
}

QByteArray renderChartSvg(QChartView& view, QSize size, const QString& title)
{
    const QSize target = size.isValid() ? size : view.size();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(target);
    generator.setViewBox(QRect(QPoint(0, 0), target));
    generator.setTitle(title.isEmpty() ? view.chart()->title() : title);
    QPainter painter(&generator);
    painter.fillRect(QRect(QPoint(0, 0), target), Qt::white);
    renderAt(view, target, painter);
    painter.end();
    return buffer.data();
}

bool saveChartPng(QChartView& view, const QString& path, QString* error, QSize size)
{
    return writePngAtomically(renderChartImage(view, size), path, error);
}

bool saveChartSvg(QChartView& view, const QString& path, QString* error, QSize size)
{
    return writeFileAtomically(path, renderChartSvg(view, size), error);
}

} // namespace wb::ui
