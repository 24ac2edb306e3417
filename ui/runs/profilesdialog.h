// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/runs/profileentry.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace wb::ui {

/// Edits the backend profiles: name, base URL, model, where the key comes from (an environment variable name
/// or a keychain entry; a key typed here goes straight into the keychain and nowhere else), concurrency,
/// timeouts, retries, the max wait per call, Azure's api-version and the reasoning-model settings, with a
/// "Test connection" that lists the server's models off the GUI thread.
class ProfilesDialog : public QDialog {
    Q_OBJECT
public:
    ProfilesDialog(std::vector<ProfileEntry> profiles, const QString& current, QWidget* parent = nullptr);

    std::vector<ProfileEntry> profiles() const { return m_profiles; }
    QString currentName() const;

    /// Lists the models of the profile being edited; the result appears in the status label.
    void testConnection();
    /// Writes the key field to the keychain entry of the profile being edited, then clears the field.
    void storeKey();

signals:
    void connectionTested(bool ok, const QString& message);
    void keyStored(bool ok, const QString& message);

private:
    void showProfile(int index);
    void commitEdits();
    void addProfile();
    void removeProfile();
    void updateKeyWidgets();
    void showStatus(bool ok, const QString& message);

    std::vector<ProfileEntry> m_profiles;
    int m_shown = -1;

    QComboBox* m_profileCombo;
    QLineEdit* m_name;
    QLineEdit* m_baseUrl;
    QLineEdit* m_model;
    QRadioButton* m_fromEnvironment;
    QRadioButton* m_fromKeychain;
    QLineEdit* m_keyVariable;
    QLineEdit* m_keychainEntry;
    QLineEdit* m_key;
    QPushButton* m_storeKey;
    QSpinBox* m_concurrency;
    QDoubleSpinBox* m_connectTimeout;
    QDoubleSpinBox* m_requestTimeout;
    QSpinBox* m_retries;
    QDoubleSpinBox* m_maxWait;
    QLineEdit* m_apiVersion;
    QCheckBox* m_reasoningModel;
    QComboBox* m_reasoningEffort;
    QPushButton* m_test;
    QLabel* m_status;
};

} // namespace wb::ui
