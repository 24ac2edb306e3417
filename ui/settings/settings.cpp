// SPDX-License-Identifier: Apache-2.0
#include "ui/settings/settings.h"

#include "core/relevance/relevance.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <array>

namespace wb::ui {

namespace {

struct Entry {
    Settings::Key key;
    const char* path;
    QVariant defaultValue;
};

const std::array<Entry, static_cast<std::size_t>(Settings::Key::Count)>& table()
{
    using K = Settings::Key;
    static const std::array<Entry, static_cast<std::size_t>(K::Count)> entries { {
        { K::SettingsVersion, "meta/settingsVersion", 0 },
        { K::WindowGeometry, "mainWindow/geometry", QByteArray() },
        { K::WindowState, "mainWindow/state", QByteArray() },
        { K::MainSplitter, "mainWindow/mainSplitter", QByteArray() },
        { K::InspectorSplitter, "inspector/splitter", QByteArray() },
        { K::InspectorTopSplitter, "inspector/topSplitter", QByteArray() },
        { K::ProblemTableHeader, "datasets/problemHeader", QByteArray() },
        { K::ConditionTableHeader, "inspector/conditionHeader", QByteArray() },
        { K::RecentFiles, "files/recent", QStringList() },
        { K::LastOpenDirectory, "files/lastDirectory", QString() },
        { K::DemoOpened, "files/demoOpened", false },
        { K::Theta, "relevance/theta", wb::relevance::kDefaultTheta },
        { K::EncoderKind, "relevance/encoder", QStringLiteral("builtin") },
        { K::EmbeddingsUrl, "relevance/embeddingsUrl", QStringLiteral("http://localhost:8080/v1") },
        { K::EmbeddingsModel, "relevance/embeddingsModel", QStringLiteral("nomic-embed-text") },
        { K::BackendProfiles, "backends/profiles", QByteArray() },
        { K::CurrentBackendProfile, "backends/current", QString() },
        { K::RunsTableHeader, "runs/tableHeader", QByteArray() },
        { K::Theme, "appearance/theme", QStringLiteral("system") },
    } };
    return entries;
}

const Entry& entry(Settings::Key key)
{
    const Entry& e = table()[static_cast<std::size_t>(key)];
    Q_ASSERT(e.key == key); // the table is indexed by the enum, so its rows must follow the enum order
    return e;
}

} // namespace

std::unique_ptr<Settings> Settings::createUserInstance(QObject* parent)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    QDir().mkpath(dir);
    return std::make_unique<Settings>(dir + QStringLiteral("/i3c-workbench.ini"), parent);
}

Settings::Settings(const QString& iniPath, QObject* parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    migrate();
}

Settings::~Settings() = default;

QString Settings::fileName() const { return m_settings->fileName(); }

QVariant Settings::value(Key key) const { return m_settings->value(path(key), defaultValue(key)); }

void Settings::setValue(Key key, const QVariant& value)
{
    if (m_settings->contains(path(key)) && m_settings->value(path(key)) == value)
        return;
    m_settings->setValue(path(key), value);
    emit changed(key);
}

QVariant Settings::defaultValue(Key key) { return entry(key).defaultValue; }

QString Settings::path(Key key) { return QString::fromLatin1(entry(key).path); }

void Settings::resetToDefaults()
{
    m_settings->clear();
    m_settings->setValue(path(Key::SettingsVersion), kCurrentVersion);
    for (const Entry& e : table())
        emit changed(e.key);
}

void Settings::sync() { m_settings->sync(); }

void Settings::migrate()
{
    const int version = m_settings->value(path(Key::SettingsVersion), 0).toInt();
    if (version < 1)
        migrateFrom0();
    m_settings->setValue(path(Key::SettingsVersion), kCurrentVersion);
}

void Settings::migrateFrom0()
{
    // Builds before the versioned file kept the threshold under a flat "theta" key.
    if (m_settings->contains(QStringLiteral("theta"))) {
        m_settings->setValue(path(Key::Theta), m_settings->value(QStringLiteral("theta")));
        m_settings->remove(QStringLiteral("theta"));
    }
}

QByteArray Settings::bytes(Key key) const { return value(key).toByteArray(); }

void Settings::setBytes(Key key, const QByteArray& value) { setValue(key, value); }

QStringList Settings::recentFiles() const { return value(Key::RecentFiles).toStringList(); }

void Settings::addRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    setValue(Key::RecentFiles, files);
}

void Settings::clearRecentFiles() { setValue(Key::RecentFiles, QStringList()); }

double Settings::theta() const { return value(Key::Theta).toDouble(); }

void Settings::setTheta(double theta) { setValue(Key::Theta, theta); }

QString Settings::encoderKind() const { return value(Key::EncoderKind).toString(); }

void Settings::setEncoderKind(const QString& kind) { setValue(Key::EncoderKind, kind); }

QString Settings::embeddingsUrl() const { return value(Key::EmbeddingsUrl).toString(); }

void Settings::setEmbeddingsUrl(const QString& url) { setValue(Key::EmbeddingsUrl, url); }

QString Settings::embeddingsModel() const { return value(Key::EmbeddingsModel).toString(); }

void Settings::setEmbeddingsModel(const QString& model) { setValue(Key::EmbeddingsModel, model); }

QByteArray Settings::backendProfilesJson() const { return bytes(Key::BackendProfiles); }

void Settings::setBackendProfilesJson(const QByteArray& json) { setBytes(Key::BackendProfiles, json); }

QString Settings::currentBackendProfile() const { return value(Key::CurrentBackendProfile).toString(); }

void Settings::setCurrentBackendProfile(const QString& name) { setValue(Key::CurrentBackendProfile, name); }

bool Settings::demoOpened() const { return value(Key::DemoOpened).toBool(); }

void Settings::setDemoOpened(bool opened) { setValue(Key::DemoOpened, opened); }

QString Settings::theme() const { return value(Key::Theme).toString(); }

void Settings::setTheme(const QString& theme) { setValue(Key::Theme, theme); }

QString Settings::lastOpenDirectory() const { return value(Key::LastOpenDirectory).toString(); }

void Settings::setLastOpenDirectory(const QString& directory) { setValue(Key::LastOpenDirectory, directory); }

} // namespace wb::ui
