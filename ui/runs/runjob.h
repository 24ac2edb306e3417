// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/cancel.h"
#include "core/run/runconfig.h"
#include "core/run/runner.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>

namespace wb::ui {

/// One piece of work for the run worker: create a run from `create` and execute it, or resume `runId`.
struct RunJob {
    QString databasePath;
    std::optional<wb::run::RunConfig> create; ///< set: Runner::create first (the dataset import happens here too)
    wb::store::RowId runId = 0; ///< resume this run when `create` is empty
    /// The backend's key as a value, read on the GUI thread (keychain entry or the profile's variable) and
    /// handed to the run's client through RunnerOptions::apiKey; never put into the environment.
    QString keyVariable;
    QString secret;
    std::shared_ptr<wb::CancelToken> cancel = std::make_shared<wb::CancelToken>();
    double progressIntervalSeconds = 0.1; ///< progress signals at most this often (10/s)
    double cancelGraceSeconds = 5.0; ///< see RunnerOptions::cancelGraceSeconds
};

} // namespace wb::ui

Q_DECLARE_METATYPE(wb::run::Progress)
Q_DECLARE_METATYPE(wb::run::RunSummary)
