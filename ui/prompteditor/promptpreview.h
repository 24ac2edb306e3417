// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/dataset/problem.h"
#include "core/method/demos.h"
#include "core/method/method.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace wb::ui {

/// One call of a method rendered for a problem before any run: the exact request body, or why it cannot be made.
struct PreviewCall {
    QString key; ///< plan key: "verify:2", "reason"
    std::size_t step = 0; ///< index into Method::steps
    QString title; ///< for the call selector: key plus the candidate's text
    std::string body; ///< the canonical request body (compact, sorted keys), as llm/ would send it
    QString pretty; ///< the same body indented for reading
    QString promptText; ///< messages as "[role]\ncontent" blocks, for diffs
    QStringList placeholders; ///< the earlier calls whose responses appear only as placeholders
    QString error; ///< set when rendering failed (invalid template, …)
};

/// What an earlier call's response is shown as: clearly not a result.
std::string outputPlaceholder(const std::string& key);

/// Demonstrations for a preview: the shipped fixed set when the method names one, else labelled placeholders.
std::vector<wb::method::DemoItem> previewDemos(const wb::method::Method& method);

/// Renders every planned call of `method` for `problem` and `candidates` through method/ and llm/ (the same code
/// a run uses); responses of earlier calls are outputPlaceholder(key). `model` empty gives "<model>".
std::vector<PreviewCall> renderPreview(const wb::method::Method& method, const wb::dataset::Problem& problem,
    const std::vector<int>& candidates, const std::vector<wb::method::DemoItem>& demos, const QString& model);

/// All calls' prompt texts joined, headed by their keys: what "Diff against…" compares.
QString previewPromptText(const std::vector<PreviewCall>& calls);

} // namespace wb::ui
