// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace wb::ui {

/// Exports a keychain secret as a process-private environment variable for as long as the object lives, so
/// the core client (which reads keys only from the variable named in BackendProfile::apiKeyEnv) gets the key
/// without it being written to settings, the database or a log. The variable is never inherited on purpose:
/// the workbench starts no child processes while it is set. Nested scopes of the same variable are counted;
/// the last one to end unsets it. A scope with an empty variable name does nothing.
///
/// setenv/unsetenv are not synchronised with getenv in other threads by the C library; the workbench reads
/// the environment only when it creates an llm client, which happens inside such a scope.
class KeyVariableScope {
public:
    KeyVariableScope(const QString& variable, const QString& secret);
    ~KeyVariableScope();
    KeyVariableScope(const KeyVariableScope&) = delete;
    KeyVariableScope& operator=(const KeyVariableScope&) = delete;

private:
    QByteArray m_variable;
};

} // namespace wb::ui
