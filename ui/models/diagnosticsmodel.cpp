// SPDX-License-Identifier: Apache-2.0
#include "ui/models/diagnosticsmodel.h"

#include "ui/platform/themeicon.h"

namespace wb::ui {

namespace {

QIcon severityIcon(wb::Diagnostic::Severity severity)
{
    switch (severity) {
    case wb::Diagnostic::Severity::Error:
        return themeIcon("dialog-error", QStyle::SP_MessageBoxCritical);
    case wb::Diagnostic::Severity::Warning:
        return themeIcon("dialog-warning", QStyle::SP_MessageBoxWarning);
    case wb::Diagnostic::Severity::Info:
        break;
    }
    return themeIcon("dialog-information", QStyle::SP_MessageBoxInformation);
}

} // namespace

DiagnosticsModel::DiagnosticsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DiagnosticsModel::setDiagnostics(wb::Diagnostics diagnostics)
{
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    endResetModel();
}

void DiagnosticsModel::append(const wb::Diagnostic& diagnostic)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_diagnostics.push_back(diagnostic);
    endInsertRows();
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const wb::Diagnostic& d = m_diagnostics[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case SeverityColumn:
        if (role == Qt::DecorationRole)
            return severityIcon(d.severity);
        if (role == SortRole)
            return static_cast<int>(d.severity);
        if (role == Qt::DisplayRole) {
            switch (d.severity) {
            case wb::Diagnostic::Severity::Error:
                return tr("Error");
            case wb::Diagnostic::Severity::Warning:
                return tr("Warning");
            case wb::Diagnostic::Severity::Info:
                return tr("Info");
            }
        }
        return {};
    case LocationColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole)
            return QString::fromStdString(d.location);
        return {};
    case MessageColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole)
            return QString::fromStdString(d.message);
        return {};
    default:
        return {};
    }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case LocationColumn:
        return tr("Location");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace wb::ui
