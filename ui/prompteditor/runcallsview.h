// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/jobs/generation.h"

#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QTextBrowser;
class QTreeWidget;

// Forward declarations keep core/store out of this header (moc cannot parse everything it pulls in).
namespace wb::store {
struct ResultRecord;
struct RunRecord;
}

namespace wb::ui {

struct ProblemEvidence;

/// The stored runs of the open results database for the shown problem: a run selector, the run's calls in order
/// (verify calls show the verdict text), the selected call's request messages and response, and the extracted
/// answer with its score. Evidence is matched by identity, never by position alone: the runs listed are those of
/// the stored dataset with the shown dataset's content hash, and a problem's calls are shown only when the
/// problem stored at its index has the shown problem's id. Everything is read off the GUI thread with a fresh
/// connection per read.
class RunCallsView : public QWidget {
    Q_OBJECT
public:
    explicit RunCallsView(QWidget* parent = nullptr);
    ~RunCallsView() override;

    /// Reads the runs of the shown dataset from the database at `path` (in the background).
    void setDatabase(const QString& path);
    void clearDatabase();
    /// The dataset now shown, by its content hash; `name` is what the messages call it. Forgets the problem:
    /// the next one shown is of this dataset.
    void setDataset(const QString& contentHash, const QString& name);
    void clearDataset();
    /// The problem now shown: its index in the dataset and its id, which the stored problem must carry.
    void setProblem(std::int64_t problemIndex, const QString& problemId);
    void clearProblem();

    bool isLoading() const { return m_loading; }
    QComboBox* runBox() const { return m_runBox; }
    QTreeWidget* callTree() const { return m_tree; }
    QTextBrowser* callDetail() const { return m_detail; }
    QLabel* resultLabel() const { return m_result; }

signals:
    /// The run list or the shown problem's calls arrived (or failed).
    void loaded();

private:
    void loadRuns();
    void showRuns(std::vector<wb::store::RunRecord>&& runs);
    void loadProblem();
    void showEvidence(std::shared_ptr<const ProblemEvidence> evidence);
    void showMismatch(const ProblemEvidence& evidence);
    void showRecord(const ProblemEvidence& record);
    void showCall(int row);
    void setMessage(const QString& message);
    void forgetRuns();

    QString m_path;
    std::string m_datasetHash;
    QString m_datasetName;
    std::int64_t m_problemIndex = -1;
    std::string m_problemId;
    std::vector<wb::store::RunRecord> m_runs;
    /// Results of the selected run by problem index, read once per run.
    std::shared_ptr<const std::map<std::int64_t, wb::store::ResultRecord>> m_results;
    std::int64_t m_resultsRun = 0;
    std::shared_ptr<const ProblemEvidence> m_record;
    Generation m_generation;
    bool m_loading = false;
    bool m_reasoningExpanded = false;

    QComboBox* m_runBox;
    QLabel* m_result;
    QTreeWidget* m_tree;
    QTextBrowser* m_detail;
};

} // namespace wb::ui
