// SPDX-License-Identifier: Apache-2.0
#include "ui/runs/profilesdialog.h"

#include "ui/platform/keychain.h"
#include "ui/runs/connectiontest.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace wb::ui {

namespace {
QLineEdit* lineEdit(QWidget* parent, const char* objectName, const QString& placeholder = {})
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    edit->setMinimumWidth(340);
    return edit;
}
} // namespace

ProfilesDialog::ProfilesDialog(std::vector<ProfileEntry> profiles, const QString& current, QWidget* parent)
    : QDialog(parent)
    , m_profiles(std::move(profiles))
    , m_profileCombo(new QComboBox(this))
    , m_name(lineEdit(this, "profileName"))
    , m_baseUrl(lineEdit(this, "profileBaseUrl", QStringLiteral("http://localhost:8000/v1")))
    , m_model(lineEdit(this, "profileModel"))
    , m_fromEnvironment(new QRadioButton(tr("Environment variable"), this))
    , m_fromKeychain(new QRadioButton(tr("OS keychain"), this))
    , m_keyVariable(lineEdit(this, "profileKeyVariable", QString::fromLatin1(wb::llm::kDefaultApiKeyEnv)))
    , m_keychainEntry(lineEdit(this, "profileKeychainEntry"))
    , m_key(lineEdit(this, "profileKey", tr("paste the key to store it in the keychain")))
    , m_storeKey(new QPushButton(tr("Store in Keychain"), this))
    , m_concurrency(new QSpinBox(this))
    , m_connectTimeout(new QDoubleSpinBox(this))
    , m_requestTimeout(new QDoubleSpinBox(this))
    , m_retries(new QSpinBox(this))
    , m_maxWait(new QDoubleSpinBox(this))
    , m_apiVersion(lineEdit(this, "profileApiVersion", tr("Azure deployment URLs only, e.g. 2024-10-21")))
    , m_reasoningModel(
          new QCheckBox(tr("Reasoning model (o-series, gpt-5: max_completion_tokens, no temperature)"), this))
    , m_reasoningEffort(new QComboBox(this))
    , m_test(new QPushButton(tr("Test Connection"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("profilesDialog"));
    setWindowTitle(tr("Backend Profiles"));
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_fromEnvironment->setObjectName(QStringLiteral("keyFromEnvironment"));
    m_fromKeychain->setObjectName(QStringLiteral("keyFromKeychain"));
    m_key->setEchoMode(QLineEdit::Password); // never shown, so never in a screenshot
    m_storeKey->setObjectName(QStringLiteral("storeKeyButton"));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_concurrency->setObjectName(QStringLiteral("profileConcurrency"));
    m_concurrency->setRange(1, 1024);
    m_connectTimeout->setRange(1, 600);
    m_connectTimeout->setSuffix(tr(" s"));
    m_requestTimeout->setRange(1, 3600);
    m_requestTimeout->setSuffix(tr(" s"));
    m_retries->setRange(0, 100);
    m_maxWait->setObjectName(QStringLiteral("profileMaxWait"));
    m_maxWait->setRange(1, 86400);
    m_maxWait->setSuffix(tr(" s"));
    m_maxWait->setToolTip(tr("Longest time one call may take, retries and rate-limit waits included"));
    m_reasoningModel->setObjectName(QStringLiteral("profileReasoningModel"));
    m_reasoningEffort->setObjectName(QStringLiteral("profileReasoningEffort"));
    m_reasoningEffort->setEditable(true);
    m_reasoningEffort->addItems({ QString(), QStringLiteral("minimal"), QStringLiteral("low"), QStringLiteral("medium"),
        QStringLiteral("high") });
    m_reasoningEffort->setToolTip(tr("Sent as reasoning_effort; empty = not sent"));
    auto* sourceGroup = new QButtonGroup(this);
    sourceGroup->addButton(m_fromEnvironment);
    sourceGroup->addButton(m_fromKeychain);
    if (!Keychain::isCompiledIn())
        m_fromKeychain->setToolTip(tr("This build has no keychain support (QtKeychain was not found)"));

    auto* add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addProfileButton"));
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeProfileButton"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_profileCombo, 1);
    top->addWidget(add);
    top->addWidget(remove);

    auto* source = new QHBoxLayout;
    source->addWidget(m_fromEnvironment);
    source->addWidget(m_fromKeychain);
    source->addStretch();
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_storeKey);

    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Base URL:"), m_baseUrl);
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Key from:"), source);
    form->addRow(tr("Variable:"), m_keyVariable);
    form->addRow(tr("Keychain entry:"), m_keychainEntry);
    form->addRow(tr("Key:"), keyRow);
    form->addRow(tr("Concurrency:"), m_concurrency);
    form->addRow(tr("Connect timeout:"), m_connectTimeout);
    form->addRow(tr("Request timeout:"), m_requestTimeout);
    form->addRow(tr("Retries:"), m_retries);
    form->addRow(tr("Max wait per call:"), m_maxWait);
    form->addRow(tr("API version:"), m_apiVersion);
    form->addRow(QString(), m_reasoningModel);
    form->addRow(tr("Reasoning effort:"), m_reasoningEffort);

    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_status, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        commitEdits();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(buttons);

    for (const ProfileEntry& profile : m_profiles)
        m_profileCombo->addItem(profile.name());
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        commitEdits();
        showProfile(index);
    });
    connect(m_name, &QLineEdit::editingFinished, this, [this]() {
        if (m_shown >= 0)
            m_profileCombo->setItemText(m_shown, m_name->text());
    });
    connect(m_fromEnvironment, &QRadioButton::toggled, this, &ProfilesDialog::updateKeyWidgets);
    connect(add, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(remove, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);
    connect(m_test, &QPushButton::clicked, this, &ProfilesDialog::testConnection);
    connect(m_storeKey, &QPushButton::clicked, this, &ProfilesDialog::storeKey);

    const int index = m_profileCombo->findText(current);
    m_profileCombo->setCurrentIndex(index >= 0 ? index : 0);
    showProfile(m_profileCombo->currentIndex());
}

QString ProfilesDialog::currentName() const { return m_profileCombo->currentText(); }

void ProfilesDialog::showProfile(int index)
{
    m_shown = index;
    const bool valid = index >= 0 && index < static_cast<int>(m_profiles.size());
    for (QWidget* w : std::initializer_list<QWidget*> { m_name, m_baseUrl, m_model, m_keyVariable, m_keychainEntry,
             m_concurrency, m_connectTimeout, m_requestTimeout, m_retries, m_maxWait, m_apiVersion, m_reasoningModel,
             m_reasoningEffort, m_test, m_fromEnvironment, m_fromKeychain })
        w->setEnabled(valid);
    m_status->clear();
    if (!valid)
        return;
    const ProfileEntry& p = m_profiles[static_cast<std::size_t>(index)];
    m_name->setText(p.name());
    m_baseUrl->setText(QString::fromStdString(p.backend.baseUrl));
    m_model->setText(QString::fromStdString(p.backend.model));
    m_keyVariable->setText(QString::fromStdString(p.backend.apiKeyEnv));
    m_keychainEntry->setText(p.keychainEntry.isEmpty() ? p.name() : p.keychainEntry);
    (p.keySource == KeySource::Keychain ? m_fromKeychain : m_fromEnvironment)->setChecked(true);
    m_concurrency->setValue(p.backend.concurrency);
    m_connectTimeout->setValue(p.backend.connectTimeoutS);
    m_requestTimeout->setValue(p.backend.requestTimeoutS);
    m_retries->setValue(p.backend.maxRetries);
    m_maxWait->setValue(p.backend.maxWaitS);
    m_apiVersion->setText(QString::fromStdString(p.backend.apiVersion));
    m_reasoningModel->setChecked(p.backend.reasoningModel);
    m_reasoningEffort->setCurrentText(QString::fromStdString(p.backend.reasoningEffort));
    updateKeyWidgets();
}

void ProfilesDialog::commitEdits()
{
    if (m_shown < 0 || m_shown >= static_cast<int>(m_profiles.size()))
        return;
    ProfileEntry& p = m_profiles[static_cast<std::size_t>(m_shown)];
    p.backend.name = m_name->text().trimmed().toStdString();
    p.backend.baseUrl = m_baseUrl->text().trimmed().toStdString();
    p.backend.model = m_model->text().trimmed().toStdString();
    p.backend.apiKeyEnv = m_keyVariable->text().trimmed().toStdString();
    p.keySource = m_fromKeychain->isChecked() ? KeySource::Keychain : KeySource::Environment;
    p.keychainEntry = m_keychainEntry->text().trimmed();
    p.backend.concurrency = m_concurrency->value();
    p.backend.connectTimeoutS = m_connectTimeout->value();
    p.backend.requestTimeoutS = m_requestTimeout->value();
    p.backend.maxRetries = m_retries->value();
    p.backend.maxWaitS = m_maxWait->value();
    p.backend.apiVersion = m_apiVersion->text().trimmed().toStdString();
    p.backend.reasoningModel = m_reasoningModel->isChecked();
    p.backend.reasoningEffort = m_reasoningEffort->currentText().trimmed().toStdString();
    m_profileCombo->setItemText(m_shown, p.name());
}

void ProfilesDialog::addProfile()
{
    commitEdits();
    ProfileEntry profile;
    profile.backend.name = tr("Profile %1").arg(m_profiles.size() + 1).toStdString();
    profile.backend.baseUrl = "http://localhost:8000/v1";
    m_profiles.push_back(profile);
    m_shown = -1; // the new row is filled from m_profiles, not committed from the old form
    m_profileCombo->addItem(profile.name());
    m_profileCombo->setCurrentIndex(m_profileCombo->count() - 1);
}

void ProfilesDialog::removeProfile()
{
    const int index = m_profileCombo->currentIndex();
    if (index < 0)
        return;
    m_shown = -1;
    m_profiles.erase(m_profiles.begin() + index);
    m_profileCombo->removeItem(index);
    showProfile(m_profileCombo->currentIndex());
}

void ProfilesDialog::updateKeyWidgets()
{
    const bool keychain = m_fromKeychain->isChecked();
    m_keyVariable->setEnabled(!keychain && m_shown >= 0);
    m_keychainEntry->setEnabled(keychain && m_shown >= 0);
    m_key->setEnabled(keychain && m_shown >= 0);
    m_storeKey->setEnabled(keychain && m_shown >= 0);
}

void ProfilesDialog::showStatus(bool ok, const QString& message)
{
    m_status->setText(message);
    m_status->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
}

void ProfilesDialog::testConnection()
{
    commitEdits();
    if (m_shown < 0)
        return;
    const ProfileEntry profile = m_profiles[static_cast<std::size_t>(m_shown)];
    m_test->setEnabled(false);
    m_status->setText(tr("Asking %1…").arg(QString::fromStdString(profile.backend.endpoint("models"))));
    const auto report = [this](const ConnectionReport& result) {
        m_test->setEnabled(true);
        showStatus(result.ok && result.modelListed, result.message);
        emit connectionTested(result.ok, result.message);
    };
    if (profile.keySource == KeySource::Environment) {
        wb::ui::testConnection(profile.runtimeProfile(),
            qEnvironmentVariable(profile.keyVariable().toLocal8Bit().constData()), this, report);
        return;
    }
    Keychain::read(
        profile.keychainEntry, this, [this, profile, report](std::optional<QString> secret, const QString& error) {
            if (!secret) {
                m_test->setEnabled(true);
                showStatus(false, error);
                emit connectionTested(false, error);
                return;
            }
            wb::ui::testConnection(profile.runtimeProfile(), *secret, this, report);
        });
}

void ProfilesDialog::storeKey()
{
    commitEdits();
    if (m_shown < 0)
        return;
    const QString entry = m_profiles[static_cast<std::size_t>(m_shown)].keychainEntry;
    if (entry.isEmpty() || m_key->text().isEmpty()) {
        showStatus(false, tr("Give a keychain entry name and the key."));
        return;
    }
    const QString secret = m_key->text();
    m_key->clear();
    Keychain::write(entry, secret, this, [this, entry](const QString& error) {
        const bool ok = error.isEmpty();
        const QString message = ok ? tr("Key stored in the keychain as '%1'.").arg(entry) : error;
        showStatus(ok, message);
        emit keyStored(ok, message);
    });
}

} // namespace wb::ui
