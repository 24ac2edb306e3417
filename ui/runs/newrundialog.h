// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/run/runconfig.h"
#include "ui/runs/profileentry.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace wb::ui {

class Settings;

/// A dataset the new run can use: the open file, or one already imported into the results database.
struct DatasetChoice {
    QString label;
    std::string path;
    std::string contentHash; ///< empty: the file is hashed (and imported) when the run is created
    std::size_t problems = 0;
};

/// Asks for dataset, method, backend profile, limit, concurrency, name and sampling overrides, and turns them
/// into a RunConfig. Nothing runs here; the Runs page creates the run off the GUI thread.
class NewRunDialog : public QDialog {
    Q_OBJECT
public:
    NewRunDialog(Settings& settings, std::vector<DatasetChoice> datasets, QWidget* parent = nullptr);

    /// The run to create: the chosen method resolved (text and hash) and the profile's runtime backend. An error
    /// names the field that is missing or wrong.
    wb::Result<wb::run::RunConfig> config() const;
    /// The chosen profile (where its key comes from).
    ProfileEntry profile() const;

    // Test seams: choose by visible text.
    void selectMethod(const QString& id);
    void selectProfile(const QString& name);

private:
    void reloadProfiles(const QString& select);
    void editProfiles();
    void updateFromProfile();

    Settings& m_settings;
    std::vector<DatasetChoice> m_datasets;
    std::vector<ProfileEntry> m_profiles;

    QComboBox* m_dataset;
    QComboBox* m_method;
    QComboBox* m_profile;
    QSpinBox* m_limit;
    QSpinBox* m_concurrency;
    QLineEdit* m_name;
    QCheckBox* m_overrideTemperature;
    QDoubleSpinBox* m_temperature;
    QCheckBox* m_overrideMaxTokens;
    QSpinBox* m_maxTokens;
    QLabel* m_error;
};

} // namespace wb::ui
