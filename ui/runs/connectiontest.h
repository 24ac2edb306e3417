// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/llm/backendprofile.h"

#include <QString>

#include <functional>
#include <string>
#include <vector>

class QObject;

namespace wb::ui {

/// What "Test connection" found out.
struct ConnectionReport {
    bool ok = false;
    int models = 0;
    bool modelListed = false;
    QString message; ///< one sentence for the user
};

/// Turns the answer of GET /models into a report for `model` at `url`. Pure, so every wording is testable.
ConnectionReport describeConnection(
    const wb::Result<std::vector<std::string>>& models, const std::string& model, const std::string& url);

/// Lists the backend's models off the GUI thread and calls `done` on `context`'s thread. `secret` is the key
/// (from the keychain, or the profile's variable read by the caller); it goes to this test's client alone.
void testConnection(const wb::llm::BackendProfile& profile, const QString& secret, QObject* context,
    std::function<void(const ConnectionReport&)> done);

} // namespace wb::ui
