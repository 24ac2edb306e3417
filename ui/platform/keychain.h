// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace wb::ui {

/// API keys in the OS keychain (Secret Service, macOS Keychain, Windows Credential Store) through QtKeychain.
/// Only entry names ever leave this class; a secret is handed to the callback and nowhere else. Without
/// QtKeychain, or without a keychain service (headless sessions, CI), every call fails with a message that says
/// so, and callers fall back to environment variables.
///
/// Callbacks run on `context`'s thread, never after `context` died.
class Keychain {
public:
    using ReadCallback = std::function<void(std::optional<QString> secret, const QString& error)>;
    using DoneCallback = std::function<void(const QString& error)>; ///< empty error = success

    /// Service name under which entries are filed (the application id).
    static QString serviceName();
    /// True when the program was built with QtKeychain (a service may still be missing at run time).
    static bool isCompiledIn();

    static void read(const QString& entry, QObject* context, ReadCallback done);
    static void write(const QString& entry, const QString& secret, QObject* context, DoneCallback done);
    static void remove(const QString& entry, QObject* context, DoneCallback done);

    /// Test seam: keep entries in process memory instead of the OS keychain (false restores the real one).
    static void setMemoryBackendForTesting(bool enabled);
    /// Test seam: make every call fail as if no keychain service were running.
    static void setUnavailableForTesting(bool unavailable);
};

} // namespace wb::ui
