// SPDX-License-Identifier: Apache-2.0
#include "ui/runs/keyvariable.h"

#include <QHash>

#include <mutex>

namespace wb::ui {

namespace {
std::mutex g_mutex;
QHash<QByteArray, int> g_users;
} // namespace

KeyVariableScope::KeyVariableScope(const QString& variable, const QString& secret)
    : m_variable(variable.toLatin1())
{
    if (m_variable.isEmpty())
        return;
    const std::lock_guard lock(g_mutex);
    ++g_users[m_variable];
    qputenv(m_variable.constData(), secret.toUtf8());
}

KeyVariableScope::~KeyVariableScope()
{
    if (m_variable.isEmpty())
        return;
    const std::lock_guard lock(g_mutex);
    if (--g_users[m_variable] <= 0) {
        g_users.remove(m_variable);
        qunsetenv(m_variable.constData());
    }
}

} // namespace wb::ui
