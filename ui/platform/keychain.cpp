// SPDX-License-Identifier: Apache-2.0
#include "ui/platform/keychain.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#ifdef WB_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace wb::ui {

namespace {
enum class Backend { Os, Memory, Unavailable };
Backend g_backend = Backend::Os;

QHash<QString, QString>& memoryEntries()
{
    static QHash<QString, QString> entries;
    return entries;
}

QString unavailableMessage()
{
    return QObject::tr("No keychain service is available in this session (no Secret Service / KWallet running). "
                       "Put the key in an environment variable and name it in the profile instead.");
}

/// Delivers on the next event-loop turn, like the real jobs, so callers never see a re-entrant callback.
void later(QObject* context, std::function<void()> call) { QTimer::singleShot(0, context, std::move(call)); }

#ifdef WB_HAVE_QTKEYCHAIN
QString describe(const QKeychain::Job& job)
{
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return unavailableMessage();
    case QKeychain::EntryNotFound:
        return QObject::tr("The keychain has no entry '%1'. Store the key in the profile dialog first.").arg(job.key());
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return QObject::tr("The keychain refused access to '%1': %2").arg(job.key(), job.errorString());
    default:
        // Headless sessions fail here ("Cannot autolaunch D-Bus without X11 $DISPLAY"): say what to do instead.
        return QObject::tr("The keychain could not be used for '%1' (%2). Without a keychain service in this "
                           "session, put the key in an environment variable and name it in the profile.")
            .arg(job.key(), job.errorString());
    }
}

template <class JobT> JobT* makeJob(const QString& entry)
{
    auto* job = new JobT(Keychain::serviceName());
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file instead of the keychain
    job->setKey(entry);
    return job;
}
#endif
} // namespace

QString Keychain::serviceName() { return QStringLiteral(WB_APP_ID); }

bool Keychain::isCompiledIn()
{
#ifdef WB_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

void Keychain::setMemoryBackendForTesting(bool enabled)
{
    g_backend = enabled ? Backend::Memory : Backend::Os;
    memoryEntries().clear();
}

void Keychain::setUnavailableForTesting(bool unavailable)
{
    g_backend = unavailable ? Backend::Unavailable : Backend::Os;
}

void Keychain::read(const QString& entry, QObject* context, ReadCallback done)
{
    if (g_backend == Backend::Memory) {
        const auto it = memoryEntries().constFind(entry);
        const std::optional<QString> secret = it == memoryEntries().cend() ? std::nullopt : std::optional(*it);
        later(context, [done, secret, entry]() {
            done(secret, secret ? QString() : QObject::tr("The keychain has no entry '%1'.").arg(entry));
        });
        return;
    }
#ifdef WB_HAVE_QTKEYCHAIN
    if (g_backend == Backend::Os) {
        auto* job = makeJob<QKeychain::ReadPasswordJob>(entry);
        QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job* finished) {
            auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
            if (read->error() == QKeychain::NoError)
                done(read->textData(), QString());
            else
                done(std::nullopt, describe(*read));
        });
        job->start();
        return;
    }
#endif
    later(context, [done]() { done(std::nullopt, unavailableMessage()); });
}

void Keychain::write(const QString& entry, const QString& secret, QObject* context, DoneCallback done)
{
    if (g_backend == Backend::Memory) {
        memoryEntries().insert(entry, secret);
        later(context, [done]() { done(QString()); });
        return;
    }
#ifdef WB_HAVE_QTKEYCHAIN
    if (g_backend == Backend::Os) {
        auto* job = makeJob<QKeychain::WritePasswordJob>(entry);
        job->setTextData(secret);
        QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job* finished) {
            done(finished->error() == QKeychain::NoError ? QString() : describe(*finished));
        });
        job->start();
        return;
    }
#else
    Q_UNUSED(secret);
#endif
    later(context, [done]() { done(unavailableMessage()); });
}

void Keychain::remove(const QString& entry, QObject* context, DoneCallback done)
{
    if (g_backend == Backend::Memory) {
        memoryEntries().remove(entry);
        later(context, [done]() { done(QString()); });
        return;
    }
#ifdef WB_HAVE_QTKEYCHAIN
    if (g_backend == Backend::Os) {
        auto* job = makeJob<QKeychain::DeletePasswordJob>(entry);
        QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job* finished) {
            done(finished->error() == QKeychain::NoError ? QString() : describe(*finished));
        });
        job->start();
        return;
    }
#endif
    later(context, [done]() { done(unavailableMessage()); });
}

} // namespace wb::ui
