// SPDX-License-Identifier: Apache-2.0
#include "ui/runs/newrundialog.h"

#include "core/method/methodlibrary.h"
#include "core/run/methodprogram.h"
#include "ui/runs/profilesdialog.h"
#include "ui/settings/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace wb::ui {

NewRunDialog::NewRunDialog(Settings& settings, std::vector<DatasetChoice> datasets, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_datasets(std::move(datasets))
    , m_dataset(new QComboBox(this))
    , m_method(new QComboBox(this))
    , m_profile(new QComboBox(this))
    , m_limit(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_name(new QLineEdit(this))
    , m_overrideTemperature(new QCheckBox(tr("Temperature"), this))
    , m_temperature(new QDoubleSpinBox(this))
    , m_overrideMaxTokens(new QCheckBox(tr("Max tokens"), this))
    , m_maxTokens(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("newRunDialog"));
    setWindowTitle(tr("New Run"));
    m_dataset->setObjectName(QStringLiteral("runDataset"));
    m_method->setObjectName(QStringLiteral("runMethod"));
    m_profile->setObjectName(QStringLiteral("runProfile"));
    m_limit->setObjectName(QStringLiteral("runLimit"));
    m_concurrency->setObjectName(QStringLiteral("runConcurrency"));
    m_name->setObjectName(QStringLiteral("runName"));
    m_temperature->setObjectName(QStringLiteral("runTemperature"));
    m_maxTokens->setObjectName(QStringLiteral("runMaxTokens"));
    m_error->setObjectName(QStringLiteral("newRunError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));

    for (const DatasetChoice& choice : m_datasets)
        m_dataset->addItem(tr("%1 (%Ln problem(s))", nullptr, static_cast<int>(choice.problems)).arg(choice.label));
    if (auto methods = wb::method::loadBuiltinMethods()) {
        for (const wb::method::Method& method : *methods)
            m_method->addItem(
                QStringLiteral("%1 — %2").arg(QString::fromStdString(method.id), QString::fromStdString(method.name)),
                QString::fromStdString(method.id));
    } else {
        m_error->setText(
            tr("The shipped methods could not be read: %1").arg(QString::fromStdString(methods.error().toString())));
    }
    m_limit->setRange(0, 10'000'000);
    m_limit->setSpecialValueText(tr("all problems"));
    m_concurrency->setRange(1, 1024);
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setEnabled(false);
    m_maxTokens->setRange(1, 1'000'000);
    m_maxTokens->setValue(1024);
    m_maxTokens->setEnabled(false);
    m_name->setPlaceholderText(tr("optional label"));
    connect(m_overrideTemperature, &QCheckBox::toggled, m_temperature, &QWidget::setEnabled);
    connect(m_overrideMaxTokens, &QCheckBox::toggled, m_maxTokens, &QWidget::setEnabled);

    auto* editProfiles = new QPushButton(tr("Profiles…"), this);
    editProfiles->setObjectName(QStringLiteral("editProfilesButton"));
    connect(editProfiles, &QPushButton::clicked, this, &NewRunDialog::editProfiles);
    auto* profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(editProfiles);

    auto* sampling = new QHBoxLayout;
    sampling->addWidget(m_overrideTemperature);
    sampling->addWidget(m_temperature);
    sampling->addSpacing(12);
    sampling->addWidget(m_overrideMaxTokens);
    sampling->addWidget(m_maxTokens);
    sampling->addStretch();

    auto* form = new QFormLayout;
    form->addRow(tr("Dataset:"), m_dataset);
    form->addRow(tr("Method:"), m_method);
    form->addRow(tr("Backend:"), profileRow);
    form->addRow(tr("Limit:"), m_limit);
    form->addRow(tr("Concurrency:"), m_concurrency);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Override:"), sampling);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        auto checked = config();
        if (!checked) {
            m_error->setText(QString::fromStdString(checked.error().toString()));
            return;
        }
        m_settings.setCurrentBackendProfile(m_profile->currentText());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &NewRunDialog::updateFromProfile);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    reloadProfiles(m_settings.currentBackendProfile());
    selectMethod(QStringLiteral("zero-shot-cot+i3c"));
}

void NewRunDialog::reloadProfiles(const QString& select)
{
    m_profiles = loadProfiles(m_settings);
    const QSignalBlocker blocker(m_profile);
    m_profile->clear();
    for (const ProfileEntry& p : m_profiles)
        m_profile->addItem(QStringLiteral("%1 (%2)").arg(p.name(), QString::fromStdString(p.backend.model)), p.name());
    const int index = m_profile->findData(select);
    m_profile->setCurrentIndex(index >= 0 ? index : 0);
    updateFromProfile();
}

void NewRunDialog::updateFromProfile()
{
    const int index = m_profile->currentIndex();
    if (index >= 0 && index < static_cast<int>(m_profiles.size()))
        m_concurrency->setValue(m_profiles[static_cast<std::size_t>(index)].backend.concurrency);
}

void NewRunDialog::editProfiles()
{
    ProfilesDialog dialog(m_profiles, m_profile->currentData().toString(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    saveProfiles(m_settings, dialog.profiles());
    reloadProfiles(dialog.currentName());
}

void NewRunDialog::selectMethod(const QString& id)
{
    const int index = m_method->findData(id);
    if (index >= 0)
        m_method->setCurrentIndex(index);
}

void NewRunDialog::selectProfile(const QString& name)
{
    const int index = m_profile->findData(name);
    if (index >= 0)
        m_profile->setCurrentIndex(index);
}

ProfileEntry NewRunDialog::profile() const
{
    const int index = m_profile->currentIndex();
    if (index < 0 || index >= static_cast<int>(m_profiles.size()))
        return {};
    ProfileEntry profile = m_profiles[static_cast<std::size_t>(index)];
    profile.backend.concurrency = m_concurrency->value();
    return profile;
}

wb::Result<wb::run::RunConfig> NewRunDialog::config() const
{
    const int dataset = m_dataset->currentIndex();
    if (dataset < 0 || dataset >= static_cast<int>(m_datasets.size()))
        return wb::makeError(wb::ErrorCode::Usage,
            tr("Open a dataset or a results database with a dataset first.").toStdString(), "dataset");
    if (m_profile->currentIndex() < 0)
        return wb::makeError(wb::ErrorCode::Usage, tr("Add a backend profile first.").toStdString(), "backend");
    const ProfileEntry chosen = profile();
    if (chosen.backend.model.empty())
        return wb::makeError(wb::ErrorCode::Usage, tr("The profile names no model.").toStdString(), "backend.model");
    if (chosen.keySource == KeySource::Keychain && chosen.keychainEntry.isEmpty())
        return wb::makeError(
            wb::ErrorCode::Usage, tr("The profile names no keychain entry.").toStdString(), "backend.key");

    wb::run::RunConfig config;
    const DatasetChoice& choice = m_datasets[static_cast<std::size_t>(dataset)];
    config.datasetPath = choice.path;
    config.datasetHash = choice.contentHash;
    config.datasetFormat = "auto";
    config.limit = static_cast<std::size_t>(m_limit->value());
    config.name = m_name->text().trimmed().toStdString();
    if (auto method = wb::run::resolveMethod(m_method->currentData().toString().toStdString(), config); !method)
        return method.error();
    config.backend = chosen.runtimeProfile();
    config.backend.baseUrl = config.backend.effectiveBaseUrl();
    if (m_overrideTemperature->isChecked())
        config.temperature = m_temperature->value();
    if (m_overrideMaxTokens->isChecked())
        config.maxTokens = m_maxTokens->value();
    if (auto valid = config.validate(); !valid)
        return valid.error();
    return config;
}

} // namespace wb::ui
