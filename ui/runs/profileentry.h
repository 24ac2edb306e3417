// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/llm/backendprofile.h"

#include <QString>

#include <vector>

namespace wb::ui {

class Settings;

/// Where a profile's API key comes from. Neither source puts the key itself into settings.
enum class KeySource {
    Environment, ///< the variable named in backend.apiKeyEnv (may be unset for local servers)
    Keychain, ///< the OS keychain entry `keychainEntry`, exported to a process-private variable during use
};

/// A backend profile as the GUI keeps it: the core profile plus where its key lives.
struct ProfileEntry {
    wb::llm::BackendProfile backend; ///< backend.name is the profile's name
    KeySource keySource = KeySource::Environment;
    QString keychainEntry; ///< entry name in the keychain (not the key)

    QString name() const { return QString::fromStdString(backend.name); }
    /// The environment variable the core client reads the key from: backend.apiKeyEnv, or for a keychain
    /// profile keychainVariableName(keychainEntry).
    QString keyVariable() const;
    /// The core profile to hand to a run or a client: backend with apiKeyEnv = keyVariable().
    wb::llm::BackendProfile runtimeProfile() const;
};

/// WB_KEYCHAIN_KEY_<ENTRY> (letters and digits of the entry, upper case, plus a short hash so that entries
/// differing only in punctuation do not share a variable). Runs created from a keychain profile store this
/// name, which is how a resumed run finds its keychain entry again.
QString keychainVariableName(const QString& entry);
/// The prefix of every keychainVariableName().
QString keychainVariablePrefix();

/// Profiles stored in Settings (JSON without any key), in their saved order. A profile for the
/// OpenAI API with $OPENAI_API_KEY when nothing was saved yet.
std::vector<ProfileEntry> loadProfiles(const Settings& settings);
void saveProfiles(Settings& settings, const std::vector<ProfileEntry>& profiles);

/// JSON form (backend fields of BackendProfile::toJson plus key_source and keychain_entry).
QByteArray profilesToJson(const std::vector<ProfileEntry>& profiles);
std::vector<ProfileEntry> profilesFromJson(const QByteArray& json);

/// The profile whose key variable is `variable` (how a stored run's apiKeyEnv leads back to a keychain entry).
const ProfileEntry* findProfileByKeyVariable(const std::vector<ProfileEntry>& profiles, const QString& variable);

} // namespace wb::ui
