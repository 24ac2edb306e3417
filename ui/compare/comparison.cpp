// SPDX-License-Identifier: Apache-2.0
#include "ui/compare/comparison.h"

#include "ui/compare/runlabels.h"

#include <QObject>

#include <algorithm>
#include <functional>
#include <map>

namespace wb::ui {

namespace {

/// The chosen runs in legend order: by method, newest first within a method (data order is newest first).
std::vector<const RunOutcome*> chosenRuns(const ComparisonData& data, const std::vector<wb::store::RowId>& ids)
{
    std::vector<const RunOutcome*> runs;
    for (const RunOutcome& run : data.runs) {
        if (std::find(ids.begin(), ids.end(), run.record.id) != ids.end())
            runs.push_back(&run);
    }
    std::stable_sort(runs.begin(), runs.end(),
        [](const RunOutcome* a, const RunOutcome* b) { return a->config.methodId < b->config.methodId; });
    return runs;
}

/// One set per run, labelled so that no two read the same; runs of one method share its hue in shades.
BarChartData::Set runSet(
    const RunOutcome& run, const std::vector<const RunOutcome*>& runs, const std::vector<BarChartData::Set>& before)
{
    BarChartData::Set set;
    set.label = distinctRunLabel(run, runs);
    set.colorKey = QString::fromStdString(run.config.methodId);
    set.shade = static_cast<int>(std::count_if(
        before.begin(), before.end(), [&](const BarChartData::Set& s) { return s.colorKey == set.colorKey; }));
    return set;
}

/// A bar for an accuracy over at least one answered problem; none when nothing was answered (unknown, not 0).
std::optional<wb::eval::Accuracy> barValue(const wb::eval::Accuracy& accuracy)
{
    return accuracy.defined() ? std::optional(accuracy) : std::nullopt;
}

/// One set per run, one category per group key, accuracies over answered problems from core's breakdown().
BarChartData perRunBreakdown(const ComparisonData& data, const std::vector<wb::store::RowId>& ids,
    const QStringList& categories, const std::function<std::string(const RunOutcome&, std::int64_t)>& groupOf)
{
    BarChartData chart;
    chart.categories = categories;
    const std::vector<const RunOutcome*> runs = chosenRuns(data, ids);
    for (const RunOutcome* run : runs) {
        BarChartData::Set set = runSet(*run, runs, chart.sets);
        set.values.assign(static_cast<std::size_t>(categories.size()), std::nullopt);
        set.runs.assign(static_cast<std::size_t>(categories.size()), run->record.id);
        set.problems.assign(static_cast<std::size_t>(categories.size()), {});
        std::vector<std::string> keys;
        std::vector<wb::eval::Outcome> outcomes;
        for (const auto& [index, outcome] : run->problems) {
            const std::string key = groupOf(*run, index);
            const qsizetype category = categories.indexOf(QString::fromStdString(key));
            if (category < 0)
                continue;
            keys.push_back(key);
            outcomes.push_back(outcome.outcome());
            set.problems[static_cast<std::size_t>(category)].push_back(index);
        }
        for (const wb::eval::GroupAccuracy& group : wb::eval::breakdown(keys, outcomes)) {
            const qsizetype category = categories.indexOf(QString::fromStdString(group.key));
            set.values[static_cast<std::size_t>(category)] = barValue(group.accuracy);
        }
        chart.sets.push_back(std::move(set));
    }
    return chart;
}

} // namespace

BarChartData accuracyByDataset(const ComparisonData& data, const std::vector<wb::store::RowId>& ids)
{
    BarChartData chart;
    chart.title = QObject::tr("Accuracy by run and dataset");
    chart.axisTitle = QObject::tr("Dataset");
    const std::vector<const RunOutcome*> runs = chosenRuns(data, ids);
    for (const RunOutcome* run : runs) {
        const QString dataset = QString::fromStdString(run->datasetName);
        if (!chart.categories.contains(dataset))
            chart.categories << dataset;
    }
    const auto categoryCount = static_cast<std::size_t>(chart.categories.size());
    // One set per run, never one per method: two runs of a method on a dataset are two bars.
    for (const RunOutcome* run : runs) {
        BarChartData::Set set = runSet(*run, runs, chart.sets);
        set.values.assign(categoryCount, std::nullopt);
        set.runs.assign(categoryCount, 0);
        set.problems.assign(categoryCount, {});
        const auto category
            = static_cast<std::size_t>(chart.categories.indexOf(QString::fromStdString(run->datasetName)));
        for (const auto& [index, outcome] : run->problems)
            set.problems[category].push_back(index);
        set.values[category] = barValue(run->accuracy());
        set.runs[category] = run->record.id;
        chart.sets.push_back(std::move(set));
    }
    return chart;
}

BarChartData accuracyByCandidates(const ComparisonData& data, const std::vector<wb::store::RowId>& ids)
{
    const std::vector<const RunOutcome*> runs = chosenRuns(data, ids);
    // Candidates depend on the problem and θ, not on the method: take the largest count any chosen run of the
    // same dataset recorded, so that runs without relevance analysis are grouped the same way.
    std::map<std::pair<wb::store::RowId, std::int64_t>, int> counts;
    for (const RunOutcome* run : runs) {
        for (const auto& [index, outcome] : run->problems) {
            int& count = counts.try_emplace({ run->record.datasetId, index }, -1).first->second;
            count = std::max(count, outcome.candidates);
        }
    }
    BarChartData chart = perRunBreakdown(data, ids,
        { QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3+") },
        [&](const RunOutcome& run, std::int64_t index) -> std::string {
            const int count = counts[{ run.record.datasetId, index }];
            if (count < 0)
                return {};
            return count >= 3 ? std::string("3+") : std::to_string(count);
        });
    chart.title = QObject::tr("Accuracy by number of irrelevant-condition candidates");
    chart.axisTitle = QObject::tr("Candidates");
    return chart;
}

BarChartData accuracyByGoldIrrelevant(const ComparisonData& data, const std::vector<wb::store::RowId>& ids)
{
    const QString with = QObject::tr("with gold-irrelevant");
    const QString without = QObject::tr("without");
    BarChartData chart
        = perRunBreakdown(data, ids, { with, without }, [&](const RunOutcome& run, std::int64_t index) -> std::string {
              const wb::dataset::Problem* problem = data.problem(run.record.datasetId, index);
              if (!problem)
                  return {};
              return (problem->goldIrrelevant.empty() ? without : with).toStdString();
          });
    chart.title = QObject::tr("Accuracy with and without gold-annotated irrelevant conditions");
    chart.axisTitle = QObject::tr("Problems");
    return chart;
}

} // namespace wb::ui
