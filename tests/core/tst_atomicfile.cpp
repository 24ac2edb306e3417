// SPDX-License-Identifier: Apache-2.0
#include "core/common/atomicfile.h"

#include <QtTest>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Names in `folder`, so a test can tell that no temporary file was left next to the target.
QStringList entries(const fs::path& folder)
{
    QStringList names;
    for (const auto& entry : fs::directory_iterator(folder))
        names << QString::fromStdString(entry.path().filename().string());
    names.sort();
    return names;
}

unsigned permissions(const fs::path& path)
{
    struct stat st { };
    return ::stat(path.c_str(), &st) == 0 ? unsigned(st.st_mode & 07777) : 0u;
}

/// Lowers the file-size limit for the current process so that a write fails part-way (EFBIG instead of the
/// SIGXFSZ that would end the test), as a full disk would; restores both on destruction.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        rlimit lowered = m_old;
        lowered.rlim_cur = bytes;
        m_active = ::setrlimit(RLIMIT_FSIZE, &lowered) == 0;
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    bool active() const { return m_active; }

private:
    rlimit m_old {};
    void (*m_oldHandler)(int) = nullptr;
    bool m_active = false;
};

} // namespace

class TestAtomicFile final : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        m_folder = fs::path(m_dir->path().toStdString());
    }

    void writesAndReplaces()
    {
        const fs::path file = m_folder / "out.txt";
        QVERIFY(wb::writeFileAtomically(file.string(), "first\n").ok());
        QCOMPARE(readAll(file), std::string("first\n"));
        QVERIFY(wb::writeFileAtomically(file.string(), "second, longer\n").ok());
        QCOMPARE(readAll(file), std::string("second, longer\n"));
        QVERIFY(wb::writeFileAtomically(file.string(), "").ok());
        QCOMPARE(readAll(file), std::string());
        QCOMPARE(entries(m_folder), QStringList { QStringLiteral("out.txt") });
    }

    void newFileFollowsUmaskAndOldFileKeepsItsMode()
    {
        const mode_t old = ::umask(022);
        const fs::path file = m_folder / "new.txt";
        const bool written = wb::writeFileAtomically(file.string(), "x").ok();
        ::umask(old);
        QVERIFY(written);
        QCOMPARE(permissions(file), 0644u);
        QVERIFY(::chmod(file.c_str(), 0600) == 0);
        QVERIFY(wb::writeFileAtomically(file.string(), "y").ok());
        QCOMPARE(permissions(file), 0600u);
    }

    void replacesTheTargetOfALink()
    {
        const fs::path target = m_folder / "target.txt";
        const fs::path link = m_folder / "link.txt";
        QVERIFY(wb::writeFileAtomically(target.string(), "old").ok());
        fs::create_symlink(target.filename(), link);
        QVERIFY(wb::writeFileAtomically(link.string(), "new").ok());
        QVERIFY(fs::is_symlink(link));
        QCOMPARE(readAll(target), std::string("new"));
        QCOMPARE(entries(m_folder), (QStringList { QStringLiteral("link.txt"), QStringLiteral("target.txt") }));
    }

    void missingFolderNamesThePath()
    {
        const std::string path = (m_folder / "missing" / "out.csv").string();
        const auto written = wb::writeFileAtomically(path, "a,b\r\n");
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, wb::ErrorCode::Io);
        QCOMPARE(written.error().location, path);
        QVERIFY2(written.error().message.find("No such file or directory") != std::string::npos,
            written.error().message.c_str());
        QVERIFY(entries(m_folder).isEmpty());
    }

    void failedRenameLeavesNoTemporaryFile()
    {
        // A folder where the file should go: the temporary file is written, the rename fails.
        const fs::path occupied = m_folder / "report.html";
        fs::create_directory(occupied);
        const auto written = wb::writeFileAtomically(occupied.string(), "<html></html>");
        QVERIFY(!written.ok());
        QCOMPARE(written.error().location, occupied.string());
        QVERIFY(fs::is_directory(occupied));
        QCOMPARE(entries(m_folder), QStringList { QStringLiteral("report.html") });
    }

    void failedWriteKeepsTheOldFile()
    {
        const fs::path file = m_folder / "batch.jsonl";
        QVERIFY(wb::writeFileAtomically(file.string(), "old contents\n").ok());
        wb::Result<void> written;
        {
            FileSizeLimit limit(4096);
            QVERIFY(limit.active());
            written = wb::writeFileAtomically(file.string(), std::string(64 * 1024, 'x'));
        }
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, wb::ErrorCode::Io);
        QCOMPARE(written.error().location, file.string());
        QCOMPARE(readAll(file), std::string("old contents\n"));
        QCOMPARE(entries(m_folder), QStringList { QStringLiteral("batch.jsonl") });
    }

    void unwritableFolderLeavesNothing()
    {
        if (::geteuid() == 0)
            QSKIP("root may write into any folder; failedWriteKeepsTheOldFile covers the failure path");
        const fs::path folder = m_folder / "locked";
        fs::create_directory(folder);
        QVERIFY(wb::writeFileAtomically((folder / "kept.txt").string(), "kept").ok());
        QVERIFY(::chmod(folder.c_str(), 0555) == 0);
        const auto written = wb::writeFileAtomically((folder / "kept.txt").string(), "lost");
        ::chmod(folder.c_str(), 0755);
        QVERIFY(!written.ok());
        QVERIFY(written.error().message.find("Permission denied") != std::string::npos);
        QCOMPARE(readAll(folder / "kept.txt"), std::string("kept"));
        QCOMPARE(entries(folder), QStringList { QStringLiteral("kept.txt") });
    }

private:
    std::optional<QTemporaryDir> m_dir;
    fs::path m_folder;
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
