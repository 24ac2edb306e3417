// SPDX-License-Identifier: Apache-2.0
#include "ui/export/htmlreport.h"

#include "ui/charts/methodpalette.h"
#include "ui/export/atomicfile.h"

#include <QObject>
#include <QStringList>

namespace wb::ui {

namespace {

QString esc(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

QString inlineSvg(const QByteArray& svg)
{
    // Inline SVG in HTML must not carry the XML prolog or DOCTYPE the generator writes.
    const qsizetype start = svg.indexOf("<svg");
    return start < 0 ? QString() : QString::fromUtf8(svg.mid(start));
}

QString accuracyTable(const std::vector<const RunOutcome*>& runs)
{
    QString html = QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th>"
                                  "<th>%7</th><th>%8</th><th>%9</th></tr>\n")
                       .arg(QObject::tr("Run"), QObject::tr("Method"), QObject::tr("Model"), QObject::tr("Dataset"),
                           QObject::tr("Accuracy (answered)"), QObject::tr("95% Wilson CI"),
                           QObject::tr("Coverage (answered/planned)"), QObject::tr("No answer"), QObject::tr("Errors"));
    for (const RunOutcome* run : runs) {
        const wb::eval::Accuracy acc = run->accuracy();
        // With nothing answered the accuracy is unknown: "n/a", never 0.
        const QString value = acc.defined()
            ? QStringLiteral("%1 (%2/%3)").arg(QString::number(acc.value, 'f', 4)).arg(acc.correct).arg(acc.total)
            : QObject::tr("n/a");
        const QString ci = acc.defined()
            ? QStringLiteral("[%1, %2]").arg(QString::number(acc.ci.low, 'f', 4), QString::number(acc.ci.high, 'f', 4))
            : QString();
        html
            += QStringLiteral("<tr><td>#%1</td><td><span class=\"swatch\" style=\"background:%2\"></span>%3</td>"
                              "<td>%4</td><td>%5</td><td class=\"num\">%6</td><td class=\"num\">%7</td>"
                              "<td class=\"num\">%8/%9</td><td class=\"num\">%10</td><td class=\"num\">%11</td></tr>\n")
                   .arg(run->record.id)
                   .arg(methodColor(QString::fromStdString(run->config.methodId)).name(), esc(run->config.methodId),
                       esc(run->config.backend.model), esc(run->datasetName), value, ci)
                   .arg(acc.total)
                   .arg(acc.planned)
                   .arg(run->record.noAnswer)
                   .arg(run->record.errors);
    }
    return html + QStringLiteral("</table>\n");
}

QString flipTable(const ComparisonReport& report)
{
    const wb::run::PairedComparison& pair = *report.pair;
    const QString a = report.labelA.toHtmlEscaped();
    const QString b = report.labelB.toHtmlEscaped();
    QString html
        = QStringLiteral("<table class=\"flips\"><tr><th></th><th>%1 %3</th><th>%1 %4</th></tr>\n"
                         "<tr><th>%2 %3</th><td class=\"num\">%5</td><td class=\"num down\">%6</td></tr>\n"
                         "<tr><th>%2 %4</th><td class=\"num up\">%7</td><td class=\"num\">%8</td></tr></table>\n")
              .arg(b, a, QObject::tr("right"), QObject::tr("wrong"))
              .arg(pair.flips.bothRight)
              .arg(pair.flips.rightToWrong)
              .arg(pair.flips.wrongToRight)
              .arg(pair.flips.bothWrong);
    html += QStringLiteral("<p>%1 <b class=\"pvalue\">p = %2</b> (%3 + %4 discordant pairs).<br>%5 <b>%6</b>, "
                           "%7 [%8, %9].</p>\n")
                .arg(QObject::tr("Exact McNemar test:"), QString::number(pair.mcnemarP, 'g', 4))
                .arg(pair.flips.rightToWrong)
                .arg(pair.flips.wrongToRight)
                .arg(QObject::tr("Accuracy difference %1 − %2:").arg(b, a), QString::number(pair.difference, 'f', 4),
                    QObject::tr("paired bootstrap 95% CI"), QString::number(pair.differenceCi.low, 'f', 4),
                    QString::number(pair.differenceCi.high, 'f', 4));
    return html;
}

QString configurationTable(const std::vector<const RunOutcome*>& runs)
{
    QString html
        = QStringLiteral(
            "<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th><th>%7</th></tr>\n")
              .arg(QObject::tr("Run"), QObject::tr("Method (sha256)"), QObject::tr("Model"), QObject::tr("Parameters"),
                  QObject::tr("Dataset (sha256)"), QObject::tr("Program"), QObject::tr("Created"));
    for (const RunOutcome* run : runs) {
        const wb::run::RunConfig& c = run->config;
        QStringList params;
        params << QStringLiteral("temperature=%1")
                      .arg(c.temperature ? QString::number(*c.temperature) : QObject::tr("method default"));
        params << QStringLiteral("max_tokens=%1")
                      .arg(c.maxTokens ? QString::number(*c.maxTokens) : QObject::tr("method default"));
        if (c.seed)
            params << QStringLiteral("seed=%1").arg(*c.seed);
        params << QStringLiteral("θ=%1").arg(c.theta) << QStringLiteral("encoder=%1").arg(esc(c.encoder));
        if (c.limit > 0)
            params << QStringLiteral("limit=%1").arg(c.limit);
        params << QStringLiteral("concurrency=%1").arg(c.backend.concurrency);
        html += QStringLiteral(
            "<tr><td>#%1<br><small>%2</small></td><td>%3<br><code>%4</code></td><td>%5</td><td>%6</td>"
            "<td>%7<br><code>%8</code></td><td>%9</td><td>%10</td></tr>\n")
                    .arg(run->record.id)
                    .arg(esc(run->record.name), esc(c.methodId), esc(c.methodHash), esc(c.backend.model),
                        params.join(QStringLiteral("<br>")), esc(run->datasetName), esc(run->datasetHash),
                        esc(c.programVersion))
                    .arg(esc(run->record.createdAt));
    }
    return html + QStringLiteral("</table>\n");
}

} // namespace

QString comparisonReportHtml(const ComparisonReport& report)
{
    QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1</title>\n<style>\n"
        "body{font-family:sans-serif;margin:2em;color:#222;max-width:1200px}"
        "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:4px 8px;vertical-align:top}"
        "th{background:#eee;text-align:left}.num{text-align:right;font-variant-numeric:tabular-nums}"
        ".up{background:#d5efd5}.down{background:#f6d5d5}code{font-size:85%;word-break:break-all}"
        ".swatch{display:inline-block;width:0.9em;height:0.9em;margin-right:0.4em;vertical-align:middle}"
        ".chart{margin:1em 0}.chart "
        "svg{max-width:100%;height:auto}.meta{color:#666}\n</style></head><body>\n<h1>%1</h1>\n"
        "<p class=\"meta\">%2</p>\n")
                       .arg(QObject::tr("Run comparison"),
                           QObject::tr("Database %1 · generated %2 by I3C Workbench %3")
                               .arg(report.databasePath.toHtmlEscaped(), report.generatedAt.toHtmlEscaped(),
                                   report.programVersion.toHtmlEscaped()));
    html += QStringLiteral("<h2>%1</h2>\n").arg(QObject::tr("Accuracy"));
    html += accuracyTable(report.runs);
    for (const QByteArray& svg : report.chartSvgs)
        html += QStringLiteral("<div class=\"chart\">%1</div>\n").arg(inlineSvg(svg));
    if (report.pair) {
        html += QStringLiteral("<h2>%1</h2>\n")
                    .arg(QObject::tr("Run %1 vs run %2")
                             .arg(report.labelA.toHtmlEscaped(), report.labelB.toHtmlEscaped()));
        html += flipTable(report);
    }
    html += QStringLiteral("<h2>%1</h2>\n").arg(QObject::tr("Configuration"));
    html += configurationTable(report.runs);
    return html + QStringLiteral("</body></html>\n");
}

bool writeComparisonReport(const ComparisonReport& report, const QString& path, QString* error)
{
    return writeFileAtomically(path, comparisonReportHtml(report).toUtf8(), error);
}

} // namespace wb::ui
