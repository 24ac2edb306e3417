// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/jobs/generation.h"

#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
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

struct RunProblemRecord;

/// The stored runs of the open results database for one problem: a run selector, the run's calls in order
/// (verify calls show the verdict text), the selected call's request messages and response, and the extracted
/// answer with its score. Everything is read off the GUI thread with a fresh connection per read.
class RunCallsView : public QWidget {
    Q_OBJECT
public:
    explicit RunCallsView(QWidget* parent = nullptr);
    ~RunCallsView() override;

    /// Lists the runs of `datasetId` in the database at `path` (in the background).
    void setDatabase(const QString& path, std::int64_t datasetId);
    void clearDatabase();
    void setProblemIndex(std::int64_t problemIndex);

    bool isLoading() const { return m_loading; }
    QComboBox* runBox() const { return m_runBox; }
    QTreeWidget* callTree() const { return m_tree; }
    QTextBrowser* callDetail() const { return m_detail; }
    QLabel* resultLabel() const { return m_result; }

signals:
    /// The run list or the shown problem's calls arrived (or failed).
    void loaded();

private:
    void loadProblem();
    void showRecord(const RunProblemRecord& record);
    void showCall(int row);
    void setMessage(const QString& message);

    QString m_path;
    std::int64_t m_datasetId = 0;
    std::int64_t m_problemIndex = -1;
    std::vector<wb::store::RunRecord> m_runs;
    /// Results of the selected run by problem index, read once per run.
    std::shared_ptr<const std::map<std::int64_t, wb::store::ResultRecord>> m_results;
    std::int64_t m_resultsRun = 0;
    std::shared_ptr<const RunProblemRecord> m_record;
    Generation m_generation;
    bool m_loading = false;
    bool m_reasoningExpanded = false;

    QComboBox* m_runBox;
    QLabel* m_result;
    QTreeWidget* m_tree;
    QTextBrowser* m_detail;
};

} // namespace wb::ui
