// SPDX-License-Identifier: Apache-2.0
#include "app/cli/command.h"
#include "app/cli/datasetoptions.h"
#include "app/cli/options.h"

#include "core/dataset/loader.h"
#include "core/relevance/encoderfactory.h"
#include "core/relevance/relevance.h"
#include "core/relevance/summary.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

namespace wb::cli {
namespace {

nlohmann::json numberOrNull(double value)
{
    if (std::isnan(value))
        return nullptr;
    return std::round(value * 1e6) / 1e6;
}

nlohmann::json problemJson(const dataset::Problem& problem, const relevance::RelevanceReport& report)
{
    nlohmann::json sq = nlohmann::json::array();
    nlohmann::json sc = nlohmann::json::array();
    for (double v : report.sq)
        sq.push_back(numberOrNull(v));
    for (double v : report.sc)
        sc.push_back(numberOrNull(v));
    nlohmann::json json = {
        { "index", problem.index },
        { "id", problem.id },
        { "text", problem.text },
        { "conditions", problem.conditions },
        { "question", problem.question },
        { "gold_answer", problem.goldAnswerText },
        { "gold_number", problem.goldNumber ? nlohmann::json(*problem.goldNumber) : nlohmann::json(nullptr) },
        { "sq", sq },
        { "sc", sc },
        { "candidates", report.candidates },
        { "least_relevant", report.leastRelevant },
        { "confusion_score", numberOrNull(report.confusionScore) },
        { "gold_irrelevant", problem.goldIrrelevant },
        { "encoder", report.encoderId },
        { "theta", report.theta },
    };
    if (!problem.goldChoice.empty())
        json["gold_choice"] = problem.goldChoice;
    if (!problem.referenceCandidates.empty() || !problem.referenceSq.empty()) {
        json["reference_candidates"] = problem.referenceCandidates;
        json["reference_sq"] = problem.referenceSq;
    }
    return json;
}

std::string fixed(double value, int decimals = 3)
{
    if (std::isnan(value))
        return "  -  ";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

void printProblemText(std::ostream& out, const dataset::Problem& problem, const relevance::RelevanceReport& report)
{
    out << "#" << problem.index << "  id " << problem.id << "  gold " << problem.goldAnswerText;
    if (!problem.goldChoice.empty())
        out << " (" << problem.goldChoice << ")";
    out << "  conditions " << problem.conditions.size() << "  candidates " << report.candidates.size() << '\n';
    for (std::size_t i = 0; i < problem.conditions.size(); ++i) {
        const bool candidate = std::binary_search(report.candidates.begin(), report.candidates.end(), int(i));
        const bool gold = std::find(problem.goldIrrelevant.begin(), problem.goldIrrelevant.end(), int(i))
            != problem.goldIrrelevant.end();
        out << "  [" << i << "] s(q) " << fixed(report.sq[i]) << "  s(c) " << fixed(report.sc[i]) << "  "
            << (candidate ? "CAND" : "    ") << ' ' << (gold ? "GOLD-IRR" : "        ") << "  " << problem.conditions[i]
            << '\n';
    }
    out << "  Q: " << problem.question << "\n\n";
}

void printSummaryText(std::ostream& out, const nlohmann::json& figures)
{
    const auto rate
        = [](const nlohmann::json& value) { return value.is_null() ? std::string("n/a") : fixed(value.get<double>()); };
    out << "file                          " << figures["file"].get<std::string>() << " ("
        << figures["format"].get<std::string>() << ")\n"
        << "encoder                       " << figures["encoder"].get<std::string>() << ", theta "
        << figures["theta"].get<double>() << '\n'
        << "problems                      " << figures["problems"] << '\n'
        << "conditions                    " << figures["conditions"] << '\n'
        << "candidates (= verify calls)   " << figures["candidates"] << ", " << rate(figures["mean_candidates"])
        << " per problem, " << figures["problems_without_candidates"] << " problems without any\n"
        << "mean confusion score          " << rate(figures["mean_confusion_score"]) << '\n'
        << "annotated problems            " << figures["annotated_problems"] << '\n'
        << "least relevant is gold        " << figures["least_relevant_is_gold"] << " ("
        << rate(figures["least_relevant_is_gold_rate"]) << ")\n"
        << "gold irrelevant in candidates " << figures["gold_in_candidates"] << " / " << figures["gold_irrelevant"]
        << " (recall " << rate(figures["gold_recall"]) << ")\n"
        << "Pearson r vs reference s(q)   " << rate(figures["pearson_vs_reference_sq"]) << " over "
        << figures["reference_pairs"] << " conditions\n"
        << "segmentation agreement        " << figures["segmentation_agreeing"] << " / "
        << figures["segmentation_compared"] << " (" << rate(figures["segmentation_agreement"]) << ")\n";
}

/// Scores one problem (runs relevance::analyse with an encoder of the calling thread).
using Scorer = std::function<Result<relevance::RelevanceReport>(const dataset::Problem&)>;
/// Takes one problem and its scores on the calling thread, in file order; false stops the stream.
using ScoredSink = std::function<bool(dataset::Problem&&, Result<relevance::RelevanceReport>&&)>;

/// Problems of one batch and, for those the loading thread scored itself, their reports.
struct Batch {
    std::vector<dataset::Problem> problems;
    std::vector<std::optional<Result<relevance::RelevanceReport>>> reports; ///< empty: none scored yet
};

/// Problems handed from the loading thread to the scoring thread in batches (one lock per batch, not per
/// problem). At most kMaxBatches wait, so memory stays flat however large the file is.
class ProblemQueue {
public:
    static constexpr std::size_t kBatchSize = 128;
    static constexpr std::size_t kMaxBatches = 16;
    /// When this many batches wait, scoring is the slower half: the loading thread scores its next batch itself.
    static constexpr std::size_t kHelpAt = 2;

    /// Loading side: false once the scoring side has stopped, which ends the stream.
    bool push(Batch&& batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_batches.size() < kMaxBatches; });
        if (m_stopped)
            return false;
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }
    /// Loading side: no more batches will come.
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }
    /// Scoring side: the next batch, or nothing once the loading side is done and everything was taken.
    std::optional<Batch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_closed || !m_batches.empty(); });
        if (m_batches.empty())
            return std::nullopt;
        Batch batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return batch;
    }
    /// Scoring side: hands a scored batch back, so that the loading thread frees its problems. glibc's
    /// malloc makes a free on another thread than the allocating one costly (it takes that arena's lock).
    void recycle(Batch&& batch)
    {
        std::lock_guard lock(m_mutex);
        if (m_spent.size() < kMaxBatches)
            m_spent.push_back(std::move(batch));
    }
    /// Loading side: an empty batch, a recycled one when there is one.
    Batch freshBatch()
    {
        Batch batch;
        {
            std::lock_guard lock(m_mutex);
            if (!m_spent.empty()) {
                batch = std::move(m_spent.back());
                m_spent.pop_back();
            }
        }
        batch.problems.clear();
        batch.problems.reserve(kBatchSize);
        batch.reports.clear();
        return batch;
    }
    /// Loading side: whether the scoring side is behind (kHelpAt batches or more wait).
    bool scoringBehind()
    {
        std::lock_guard lock(m_mutex);
        return m_batches.size() >= kHelpAt;
    }
    /// Scoring side: take nothing more; the loading side stops at its next push.
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_batches.clear();
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_batches;
    std::vector<Batch> m_spent;
    bool m_closed = false;
    bool m_stopped = false;
};

/// Streams the dataset on a helper thread while the calling thread scores: reading, parsing and segmenting
/// cost about as much as scoring, so on two cores the two halves overlap. When the scoring side falls behind
/// and `helperScore` is set, the loading thread scores a batch itself, which keeps both threads busy whatever
/// the balance of the two halves on this machine. `sink` runs on the calling thread and sees the problems in
/// file order. Falls back to a plain stream when no thread can be started.
Result<dataset::DatasetInfo> streamPipelined(const std::string& path, const dataset::LoadOptions& options,
    const Scorer& score, const Scorer& helperScore, const ScoredSink& sink)
{
    ProblemQueue queue;
    std::optional<Result<dataset::DatasetInfo>> loaded;
    std::thread loader;
    try {
        loader = std::thread([&] {
            Batch batch = queue.freshBatch();
            bool open = true;
            const auto hand = [&] {
                if (helperScore && queue.scoringBehind()) {
                    batch.reports.reserve(batch.problems.size());
                    for (const dataset::Problem& problem : batch.problems)
                        batch.reports.emplace_back(helperScore(problem));
                }
                open = queue.push(std::move(batch));
            };
            loaded.emplace(dataset::streamDataset(path, options, [&](dataset::Problem&& problem) {
                batch.problems.push_back(std::move(problem));
                if (batch.problems.size() == ProblemQueue::kBatchSize) {
                    hand();
                    batch = queue.freshBatch();
                }
                return open;
            }));
            if (open && !batch.problems.empty())
                hand();
            queue.close();
        });
    } catch (const std::system_error&) {
        return dataset::streamDataset(path, options, [&](dataset::Problem&& problem) {
            auto report = score(problem);
            return sink(std::move(problem), std::move(report));
        });
    }
    bool wanted = true;
    while (wanted) {
        auto batch = queue.pop();
        if (!batch)
            break;
        for (std::size_t i = 0; wanted && i < batch->problems.size(); ++i) {
            dataset::Problem& problem = batch->problems[i];
            if (i < batch->reports.size() && batch->reports[i])
                wanted = sink(std::move(problem), std::move(*batch->reports[i]));
            else
                wanted = sink(std::move(problem), score(problem));
        }
        queue.recycle(std::move(*batch));
    }
    queue.stop();
    loader.join();
    return std::move(*loaded);
}

class InspectCommand final : public Command {
public:
    std::string name() const override { return "inspect"; }
    std::string summary() const override { return "segment problems and score the relevance of each condition"; }
    void declare(CLI::App& app) override
    {
        declareDatasetFile(app, m_path, "FILE", "dataset file");
        declareDatasetOptions(app, m_dataset);
        addNumber(app, "--limit", m_limit, kWholeNumber, "show the first N problems only (0: all)");
        addNumber(app, "--index", m_index, kWholeNumber, "show only the problem with index N");
        declareEncoder(app, m_encoder, m_embeddingModel);
        declareApiKeyEnv(app, m_apiKeyEnv);
        declareTheta(app, m_theta);
        declareJson(app, m_json, "one object per problem (with --summary: the figures)");
        app.add_flag("--summary", m_summary, "print the dataset-level figures instead of every problem");
    }
    int run(const CommandContext& context) override;

private:
    std::string m_path;
    DatasetOptions m_dataset;
    long long m_limit = 0;
    long long m_index = -1;
    std::string m_encoder;
    std::string m_embeddingModel;
    std::string m_apiKeyEnv;
    double m_theta = relevance::kDefaultTheta;
    bool m_json = false;
    bool m_summary = false;
};

int InspectCommand::run(const CommandContext& context)
{
    if (m_path.empty())
        return reportError(context, makeError(ErrorCode::Usage, "inspect takes exactly one dataset FILE"));
    const std::string& path = m_path;

    auto loadOptions = datasetLoadOptions(m_dataset);
    if (!loadOptions)
        return reportError(context, loadOptions.error());
    loadOptions->hashContent = false; // nothing here shows or stores the file's hash
    if (m_limit < 0)
        return reportError(context, makeError(ErrorCode::Usage, "option --limit must not be negative"));

    relevance::EncoderSpec spec;
    spec.source = m_encoder;
    spec.model = m_embeddingModel;
    spec.apiKeyEnv = m_apiKeyEnv;
    auto encoder = relevance::makeEncoder(spec);
    if (!encoder)
        return reportError(context, encoder.error());

    const bool json = m_json;
    const bool summaryOnly = m_summary;
    relevance::SummaryAccumulator summary;
    std::size_t shown = 0;
    Error failure;
    bool failed = false;

    const Scorer score = [&](const dataset::Problem& problem) {
        return relevance::analyse(**encoder, problem.conditions, problem.question, m_theta);
    };
    // A second built-in encoder lets the loading thread score too; remote encoders stay on one thread.
    std::unique_ptr<relevance::Encoder> helperEncoder;
    if (spec.source == "builtin")
        if (auto second = relevance::makeEncoder(spec))
            helperEncoder = std::move(*second);
    Scorer helperScore;
    if (helperEncoder)
        helperScore = [&](const dataset::Problem& problem) {
            return relevance::analyse(*helperEncoder, problem.conditions, problem.question, m_theta);
        };

    const ScoredSink consume = [&](dataset::Problem&& problem, Result<relevance::RelevanceReport>&& report) -> bool {
        if (!report) {
            failure = report.error();
            failure.location = path + ": record " + std::to_string(problem.index + 1)
                + (failure.location.empty() ? "" : " (" + failure.location + ")");
            failed = true;
            return false;
        }
        summary.add(problem, *report);
        if (!summaryOnly) {
            if (json)
                context.out << problemJson(problem, *report).dump() << '\n';
            else
                printProblemText(context.out, problem, *report);
        }
        ++shown;
        if (m_index >= 0)
            return false;
        return m_limit == 0 || shown < std::size_t(m_limit);
    };

    // --index and --limit stop early; streaming ahead of them would only add diagnostics of unread records
    const dataset::ProblemSink sink = [&](dataset::Problem&& problem) -> bool {
        if (m_index >= 0 && problem.index != std::size_t(m_index))
            return true;
        auto report = score(problem);
        return consume(std::move(problem), std::move(report));
    };
    auto info = m_index < 0 && m_limit == 0 ? streamPipelined(path, *loadOptions, score, helperScore, consume)
                                            : dataset::streamDataset(path, *loadOptions, sink);
    if (!info)
        return reportError(context, info.error());
    for (const auto& diagnostic : info->diagnostics)
        context.err << diagnostic.toString() << '\n';
    if (failed)
        return reportError(context, failure);
    if (m_index >= 0 && shown == 0)
        return reportError(
            context, makeError(ErrorCode::NotFound, "no problem with index " + std::to_string(m_index), path));

    if (summaryOnly) {
        auto figures = relevance::toJson(summary.summary());
        figures["file"] = path;
        figures["format"] = dataset::formatName(info->format);
        figures["encoder"] = (*encoder)->id();
        figures["theta"] = m_theta;
        if (json)
            context.out << figures.dump(2) << '\n';
        else
            printSummaryText(context.out, figures);
    }
    return kExitOk;
}

} // namespace

std::unique_ptr<Command> makeInspectCommand() { return std::make_unique<InspectCommand>(); }

} // namespace wb::cli
