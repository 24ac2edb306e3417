// SPDX-License-Identifier: Apache-2.0
#include "ui/prompteditor/methodlibrary.h"

#include "core/common/atomicfile.h"
#include "core/method/methodjson.h"
#include "core/method/methodlibrary.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace wb::ui {

QString MethodLibrary::userMethodsDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("methods"));
}

void MethodLibrary::reload(const QString& builtinDir)
{
    m_entries.clear();
    m_problems.clear();
    auto builtins = wb::method::loadBuiltinMethods(builtinDir.toStdString());
    if (builtins) {
        for (wb::method::Method& m : *builtins) {
            QString path = QString::fromStdString(m.sourcePath);
            m_entries.push_back({ std::move(m), false, std::move(path) });
        }
    } else {
        m_problems << QString::fromStdString(builtins.error().toString());
    }
    // One bad user file must not hide the others, so they are loaded one by one.
    const QDir dir(userMethodsDir());
    const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        const QString path = dir.filePath(name);
        auto loaded = wb::method::loadMethodFile(path.toStdString());
        if (!loaded) {
            m_problems << QString::fromStdString(loaded.error().toString());
            continue;
        }
        m_entries.push_back({ std::move(*loaded), true, path });
    }
}

int MethodLibrary::indexOf(const QString& id) const
{
    const std::string wanted = id.toStdString();
    int found = -1;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].method.id == wanted && (found < 0 || m_entries[i].user))
            found = static_cast<int>(i);
    }
    return found;
}

wb::Result<QString> MethodLibrary::saveUserMethod(const wb::method::Method& method)
{
    const std::vector<wb::method::MethodIssue> issues = wb::method::validateMethod(method);
    if (!issues.empty())
        return makeError(ErrorCode::InvalidInput, issues.front().toString(), method.id);
    const QString dirPath = userMethodsDir();
    if (!QDir().mkpath(dirPath))
        return makeError(ErrorCode::Io, "cannot create the folder", dirPath.toStdString());
    const QString path = QDir(dirPath).filePath(QString::fromStdString(method.id) + QStringLiteral(".json"));
    const std::string text = wb::method::methodToJson(method).dump(2) + "\n";
    if (auto written = wb::writeFileAtomically(QFile::encodeName(path).toStdString(), text); !written)
        return written.error();
    return path;
}

} // namespace wb::ui
