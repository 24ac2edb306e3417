// SPDX-License-Identifier: Apache-2.0
#include "ui/runs/profileentry.h"

#include "ui/settings/settings.h"

#include <QCryptographicHash>

#include <nlohmann/json.hpp>

namespace wb::ui {

namespace {
constexpr const char* kKeySourceField = "key_source";
constexpr const char* kKeychainEntryField = "keychain_entry";
} // namespace

QString keychainVariablePrefix() { return QStringLiteral("WB_KEYCHAIN_KEY_"); }

QString keychainVariableName(const QString& entry)
{
    QString cleaned;
    for (const QChar c : entry) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            cleaned += c.toUpper();
        else if (!cleaned.endsWith(QLatin1Char('_')))
            cleaned += QLatin1Char('_');
    }
    const QByteArray hash
        = QCryptographicHash::hash(entry.toUtf8(), QCryptographicHash::Sha256).toHex().left(6).toUpper();
    if (!cleaned.endsWith(QLatin1Char('_')))
        cleaned += QLatin1Char('_');
    return keychainVariablePrefix() + cleaned + QString::fromLatin1(hash);
}

QString ProfileEntry::keyVariable() const
{
    if (keySource == KeySource::Keychain)
        return keychainVariableName(keychainEntry);
    return QString::fromStdString(backend.apiKeyEnv);
}

wb::llm::BackendProfile ProfileEntry::runtimeProfile() const
{
    wb::llm::BackendProfile profile = backend;
    profile.apiKeyEnv = keyVariable().toStdString();
    return profile;
}

QByteArray profilesToJson(const std::vector<ProfileEntry>& profiles)
{
    nlohmann::json list = nlohmann::json::array();
    for (const ProfileEntry& profile : profiles) {
        nlohmann::json item = profile.backend.toJson();
        item[kKeySourceField] = profile.keySource == KeySource::Keychain ? "keychain" : "environment";
        item[kKeychainEntryField] = profile.keychainEntry.toStdString();
        list.push_back(std::move(item));
    }
    return QByteArray::fromStdString(list.dump());
}

std::vector<ProfileEntry> profilesFromJson(const QByteArray& json)
{
    std::vector<ProfileEntry> profiles;
    const nlohmann::json list = nlohmann::json::parse(json.toStdString(), nullptr, false);
    if (!list.is_array())
        return profiles;
    for (const nlohmann::json& item : list) {
        auto backend = wb::llm::BackendProfile::fromJson(item);
        if (!backend || backend->name.empty())
            continue; // a hand-edited, broken entry is dropped rather than failing every other profile
        ProfileEntry profile;
        profile.backend = std::move(*backend);
        const auto source = item.find(kKeySourceField);
        if (source != item.end() && source->is_string() && source->get<std::string>() == "keychain")
            profile.keySource = KeySource::Keychain;
        const auto entry = item.find(kKeychainEntryField);
        if (entry != item.end() && entry->is_string())
            profile.keychainEntry = QString::fromStdString(entry->get<std::string>());
        profiles.push_back(std::move(profile));
    }
    return profiles;
}

std::vector<ProfileEntry> loadProfiles(const Settings& settings)
{
    std::vector<ProfileEntry> profiles = profilesFromJson(settings.backendProfilesJson());
    if (profiles.empty()) {
        ProfileEntry openai;
        openai.backend.name = "OpenAI";
        openai.backend.baseUrl = wb::llm::kDefaultBaseUrl;
        openai.backend.model = "gpt-4o-mini";
        profiles.push_back(std::move(openai));
    }
    return profiles;
}

void saveProfiles(Settings& settings, const std::vector<ProfileEntry>& profiles)
{
    settings.setBackendProfilesJson(profilesToJson(profiles));
}

const ProfileEntry* findProfileByKeyVariable(const std::vector<ProfileEntry>& profiles, const QString& variable)
{
    for (const ProfileEntry& profile : profiles) {
        if (profile.keyVariable() == variable)
            return &profile;
    }
    return nullptr;
}

} // namespace wb::ui
