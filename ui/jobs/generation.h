// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace wb::ui {

/// Numbers re-runnable jobs so that results from a superseded run can be recognised and dropped.
class Generation {
public:
    /// Starts a new generation and returns its id; every older id stops being current.
    quint64 next() { return ++m_current; }
    bool isCurrent(quint64 id) const { return id == m_current; }
    quint64 current() const { return m_current; }

private:
    quint64 m_current = 0;
};

} // namespace wb::ui
