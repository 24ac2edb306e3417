// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSettings;

namespace wb::ui {

/// The one place the workbench reads and writes preferences. Feature code asks for a typed value by key;
/// only this class knows the QSettings paths and defaults.
class Settings : public QObject {
    Q_OBJECT
public:
    enum class Key {
        SettingsVersion,
        WindowGeometry,
        WindowState,
        MainSplitter,
        InspectorSplitter,
        InspectorTopSplitter,
        ProblemTableHeader,
        ConditionTableHeader,
        RecentFiles,
        LastOpenDirectory,
        DemoOpened,
        Theta,
        EncoderKind,
        EmbeddingsUrl,
        EmbeddingsModel,
        BackendProfiles,
        CurrentBackendProfile,
        RunsTableHeader,
        Theme,
        Count, ///< sentinel, not a key
    };
    Q_ENUM(Key)

    static constexpr int kCurrentVersion = 1;
    static constexpr int kMaxRecentFiles = 10;

    /// Settings in the per-user config location (`<AppConfigLocation>/i3c-workbench.ini`).
    static std::unique_ptr<Settings> createUserInstance(QObject* parent = nullptr);
    /// Settings backed by the given INI file; tests pass a temporary file.
    explicit Settings(const QString& iniPath, QObject* parent = nullptr);
    ~Settings() override;

    QString fileName() const;

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);
    static QVariant defaultValue(Key key);
    static QString path(Key key);
    void resetToDefaults();
    void sync();

    /// Brings older files up to kCurrentVersion; one small step per version. Called by the constructor.
    void migrate();

    // Typed accessors.
    QByteArray bytes(Key key) const;
    void setBytes(Key key, const QByteArray& value);

    QStringList recentFiles() const;
    void addRecentFile(const QString& path);
    void clearRecentFiles();

    double theta() const;
    void setTheta(double theta);

    QString encoderKind() const;
    void setEncoderKind(const QString& kind);
    QString embeddingsUrl() const;
    void setEmbeddingsUrl(const QString& url);
    QString embeddingsModel() const;
    void setEmbeddingsModel(const QString& model);

    /// Backend profiles as JSON (ui/runs/profileentry.h); names of key variables and keychain entries only.
    QByteArray backendProfilesJson() const;
    void setBackendProfilesJson(const QByteArray& json);
    QString currentBackendProfile() const;
    void setCurrentBackendProfile(const QString& name);

    bool demoOpened() const;
    void setDemoOpened(bool opened);

    /// "system", "light" or "dark" (ui/platform/apptheme.h).
    QString theme() const;
    void setTheme(const QString& theme);
    QString lastOpenDirectory() const;
    void setLastOpenDirectory(const QString& directory);

signals:
    void changed(wb::ui::Settings::Key key);

private:
    void migrateFrom0();

    std::unique_ptr<QSettings> m_settings;
};

} // namespace wb::ui
