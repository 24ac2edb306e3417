// SPDX-License-Identifier: Apache-2.0
#include "ui/delegates/colorscale.h"

#include <QTest>

#include <cmath>
#include <limits>

using wb::ui::ColorScale;

class TestColorScale final : public QObject {
    Q_OBJECT
private slots:
    void fraction_data();
    void fraction();
    void colorAt_data();
    void colorAt();
    void colorIsMonotoneInHue();
    void nanIsMissing();
    void textColor_data();
    void textColor();
    void backgroundIsLighter();
};

void TestColorScale::fraction_data()
{
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("expected");
    QTest::newRow("low end") << 0.0 << 1.0 << 0.0 << 0.0;
    QTest::newRow("high end") << 0.0 << 1.0 << 1.0 << 1.0;
    QTest::newRow("middle") << 0.0 << 1.0 << 0.5 << 0.5;
    QTest::newRow("below clamps") << 0.0 << 1.0 << -0.3 << 0.0;
    QTest::newRow("above clamps") << 0.0 << 1.0 << 1.7 << 1.0;
    QTest::newRow("shifted range") << -1.0 << 1.0 << 0.0 << 0.5;
    QTest::newRow("degenerate range widens") << 2.0 << 2.0 << 2.5 << 0.5;
}

void TestColorScale::fraction()
{
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    QFETCH(double, value);
    QFETCH(double, expected);
    QCOMPARE(ColorScale(minimum, maximum).fraction(value), expected);
}

void TestColorScale::colorAt_data()
{
    QTest::addColumn<double>("fraction");
    QTest::addColumn<QColor>("expected");
    QTest::newRow("0 is red") << 0.0 << QColor(215, 48, 39);
    QTest::newRow("0.25 is orange") << 0.25 << QColor(252, 141, 89);
    QTest::newRow("0.5 is pale yellow") << 0.5 << QColor(255, 255, 191);
    QTest::newRow("1 is blue") << 1.0 << QColor(69, 117, 180);
    QTest::newRow("between stops interpolates") << 0.125 << QColor(234, 95, 64);
    QTest::newRow("below 0 clamps") << -2.0 << QColor(215, 48, 39);
    QTest::newRow("above 1 clamps") << 3.0 << QColor(69, 117, 180);
}

void TestColorScale::colorAt()
{
    QFETCH(double, fraction);
    QFETCH(QColor, expected);
    QCOMPARE(ColorScale::colorAt(fraction), expected);
}

void TestColorScale::colorIsMonotoneInHue()
{
    // Warm half: green rises towards the pale midpoint. Cool half: red falls towards blue. So the order of
    // colours follows the order of values and the two halves never swap.
    const ColorScale scale;
    for (int i = 1; i <= 50; ++i)
        QVERIFY2(
            scale.color(i / 100.0).green() >= scale.color((i - 1) / 100.0).green(), qPrintable(QString::number(i)));
    for (int i = 51; i <= 100; ++i)
        QVERIFY2(scale.color(i / 100.0).red() <= scale.color((i - 1) / 100.0).red(), qPrintable(QString::number(i)));
    QVERIFY(scale.color(0.2).red() > scale.color(0.8).red());
    QVERIFY(scale.color(0.2).blue() < scale.color(0.8).blue());
}

void TestColorScale::nanIsMissing()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QCOMPARE(ColorScale().color(nan), ColorScale::missingColor());
    QCOMPARE(ColorScale::colorAt(nan), ColorScale::missingColor());
    QVERIFY(std::isnan(ColorScale().fraction(nan)));
}

void TestColorScale::textColor_data()
{
    QTest::addColumn<QColor>("background");
    QTest::addColumn<QColor>("expected");
    QTest::newRow("white") << QColor(Qt::white) << QColor(Qt::black);
    QTest::newRow("black") << QColor(Qt::black) << QColor(Qt::white);
    QTest::newRow("pale yellow midpoint") << ColorScale::colorAt(0.5) << QColor(Qt::black);
    QTest::newRow("dark blue") << QColor(20, 40, 120) << QColor(Qt::white);
    QTest::newRow("scale red end") << ColorScale::colorAt(0.0) << QColor(Qt::white);
}

void TestColorScale::textColor()
{
    QFETCH(QColor, background);
    QFETCH(QColor, expected);
    QCOMPARE(ColorScale::textColorFor(background), expected);
}

void TestColorScale::backgroundIsLighter()
{
    for (double t : { 0.0, 0.3, 0.5, 0.8, 1.0 }) {
        const QColor full = ColorScale::colorAt(t);
        const QColor light = ColorScale::backgroundAt(t);
        QVERIFY(light.lightness() >= full.lightness());
        QCOMPARE(ColorScale::textColorFor(light), QColor(Qt::black));
    }
}

QTEST_GUILESS_MAIN(TestColorScale)
#include "tst_colorscale.moc"
