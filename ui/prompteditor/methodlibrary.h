// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/method/method.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace wb::ui {

/// A method the prompt editor can open: shipped with the workbench or saved by the user.
struct MethodEntry {
    wb::method::Method method;
    bool user = false;
    QString path;
};

/// The methods the prompt editor lists: the shipped ones (paper order) followed by the user's, whose files live
/// in `<AppDataLocation>/methods`. Files that do not load are skipped and described in `problems`.
class MethodLibrary {
public:
    /// `<AppDataLocation>/methods` (created on save, not here).
    static QString userMethodsDir();

    /// Reloads from `builtinDir` (defaultMethodsDir() when empty) and userMethodsDir().
    void reload(const QString& builtinDir = {});

    const std::vector<MethodEntry>& entries() const { return m_entries; }
    const QStringList& problems() const { return m_problems; }
    /// Index of the entry with `id` (user methods win over shipped ones of the same id), or -1.
    int indexOf(const QString& id) const;

    /// Validates `method` and writes it atomically to `<userMethodsDir>/<id>.json`; returns the path.
    static wb::Result<QString> saveUserMethod(const wb::method::Method& method);

private:
    std::vector<MethodEntry> m_entries;
    QStringList m_problems;
};

} // namespace wb::ui
