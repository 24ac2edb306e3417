// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/runlabels.h"

#include <QObject>

#include <algorithm>
#include <functional>

namespace wb::ui {

namespace {

struct Setting {
    QString name;
    std::function<QString(const wb::run::RunConfig&)> value;
    bool withinMethod = false; ///< compared among runs of the same method only
};

template <class T> QString optionalText(const std::optional<T>& value)
{
    return value ? QString::number(*value) : QObject::tr("default");
}

/// The parameters that change a run's figures beside method and model, which every label names anyway.
const std::vector<Setting>& settings()
{
    static const std::vector<Setting> all = {
        { QStringLiteral("θ"), [](const wb::run::RunConfig& c) { return QString::number(c.theta); } },
        { QObject::tr("encoder"),
            [](const wb::run::RunConfig& c) {
                const QString encoder = QString::fromStdString(c.encoder);
                return c.encoderModel.empty() ? encoder
                                              : encoder + QLatin1Char('/') + QString::fromStdString(c.encoderModel);
            } },
        { QObject::tr("temperature"), [](const wb::run::RunConfig& c) { return optionalText(c.temperature); } },
        { QObject::tr("max tokens"), [](const wb::run::RunConfig& c) { return optionalText(c.maxTokens); } },
        { QObject::tr("seed"), [](const wb::run::RunConfig& c) { return optionalText(c.seed); } },
        { QObject::tr("effort"),
            [](const wb::run::RunConfig& c) { return QString::fromStdString(c.backend.reasoningEffort); } },
        { QObject::tr("limit"),
            [](const wb::run::RunConfig& c) {
                return c.limit == 0 ? QObject::tr("all") : QString::number(static_cast<qulonglong>(c.limit));
            } },
        { QObject::tr("demos"), [](const wb::run::RunConfig& c) { return QString::number(c.demoSetId); } },
        // Same method id, edited text: the version tells the two definitions apart.
        { QObject::tr("method version"),
            [](const wb::run::RunConfig& c) { return QString::fromStdString(c.methodHash.substr(0, 8)); }, true },
    };
    return all;
}

bool differs(const Setting& setting, const RunOutcome& run, const std::vector<const RunOutcome*>& runs)
{
    return std::any_of(runs.begin(), runs.end(), [&](const RunOutcome* r) {
        if (setting.withinMethod && r->config.methodId != run.config.methodId)
            return false;
        return setting.value(r->config) != setting.value(run.config);
    });
}

} // namespace

QStringList differingSettings(const RunOutcome& run, const std::vector<const RunOutcome*>& runs)
{
    QStringList items;
    for (const Setting& setting : settings()) {
        if (differs(setting, run, runs))
            items << QStringLiteral("%1=%2").arg(setting.name, setting.value(run.config));
    }
    return items;
}

QString distinctRunLabel(const RunOutcome& run, const std::vector<const RunOutcome*>& runs)
{
    QStringList parts { QStringLiteral("#%1").arg(run.record.id),
        QString::fromStdString(run.config.methodId.empty() ? run.record.name : run.config.methodId) };
    if (!run.config.backend.model.empty())
        parts << QString::fromStdString(run.config.backend.model);
    parts << differingSettings(run, runs);
    return parts.join(QStringLiteral(" · "));
}

QString distinctRunLabel(const ComparisonData& data, wb::store::RowId id, const std::vector<wb::store::RowId>& among)
{
    const RunOutcome* run = data.run(id);
    if (!run)
        return {};
    std::vector<const RunOutcome*> runs;
    for (const wb::store::RowId other : among) {
        if (const RunOutcome* r = data.run(other))
            runs.push_back(r);
    }
    return distinctRunLabel(*run, runs);
}

} // namespace wb::ui
