// SPDX-License-Identifier: Apache-2.0
#include "core/store/database.h"

#include "core/store/statement.h"

#include <sqlite3.h>

#include <filesystem>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

namespace wb::store {

namespace {

Error openError(sqlite3* db, const std::string& path)
{
    std::string message = "cannot open database " + path + ": ";
    message += db ? sqlite3_errmsg(db) : "out of memory";
    return makeError(ErrorCode::Database, std::move(message));
}

/// Whether this process may write `path` and whether anyone was meant to. access() alone passes every file for
/// root; a file or folder without any write bit was made read-only on purpose, so it counts as unwritable.
bool mayWrite(const std::filesystem::path& path)
{
    struct stat info { };
    if (::access(path.c_str(), W_OK) != 0 || ::stat(path.c_str(), &info) != 0)
        return false;
    return (info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

/// False when `path`'s folder is read-only (no write bit) and no WAL is left in it: SQLite would otherwise create
/// -shm and -wal files there (root may), and with no WAL and no possible writer the file is all there is.
bool canCreateBeside(const std::string& path)
{
    std::error_code ec;
    const std::filesystem::path parent = std::filesystem::absolute(path, ec).parent_path();
    return mayWrite(parent) || std::filesystem::exists(path + "-wal", ec);
}

} // namespace

void Database::Closer::operator()(sqlite3* db) const
{
    // sqlite3_close_v2 defers the close until unfinalized statements are gone instead of failing with BUSY.
    sqlite3_close_v2(db);
}

Database::Database(sqlite3* db, std::string path)
    : m_db(db)
    , m_path(std::move(path))
{
}

Database::Database(Database&& other) noexcept = default;
Database& Database::operator=(Database&& other) noexcept = default;
Database::~Database() = default;

namespace {

/// "file:<path>?immutable=1" with the characters URIs reserve percent-encoded.
std::string immutableUri(const std::string& path)
{
    std::string uri = "file:";
    for (const char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            static const char kHex[] = "0123456789ABCDEF";
            uri += '%';
            uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
            uri += kHex[static_cast<unsigned char>(c) & 0xF];
        } else {
            uri += c;
        }
    }
    return uri + "?immutable=1";
}

bool isReadOnlyCode(int rc) { return (rc & 0xFF) == SQLITE_READONLY; }

std::string readOnlyMessage(const std::string& path) { return "database " + path + " is read-only"; }

} // namespace

Result<Database> Database::open(const std::string& path, Mode mode)
{
    // ":memory:" has no journal file to put in WAL mode; treat it as the in-memory database it names.
    if (path == ":memory:")
        return openMemory();
    if (mode == Mode::ReadOnly && !canCreateBeside(path))
        return openFile(path, Mode::Immutable);
    auto db = openFile(path, mode);
    if (!db || mode != Mode::ReadOnly)
        return db;
    // A WAL database needs its -shm file even to read; in a directory this process cannot write, SQLite
    // cannot create it and the first read fails (CANTOPEN or one of the READONLY codes). Only then is the file
    // read as immutable: no writer can run there either, and a writer that closed checkpointed its WAL.
    const int rc = sqlite3_exec(db->handle(), "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    const int primary = sqlite3_extended_errcode(db->handle()) & 0xFF;
    if (rc == SQLITE_OK || (primary != SQLITE_CANTOPEN && primary != SQLITE_READONLY))
        return db;
    return openFile(path, Mode::Immutable);
}

Database::Mode Database::modeFor(const std::string& path)
{
    if (path == ":memory:" || ::access(path.c_str(), F_OK) != 0)
        return Mode::ReadWrite;
    std::error_code ec;
    const std::filesystem::path parent = std::filesystem::absolute(path, ec).parent_path();
    const bool writable = mayWrite(path) && mayWrite(parent);
    return writable ? Mode::ReadWrite : Mode::ReadOnly;
}

Result<Database> Database::openFile(const std::string& path, Mode mode)
{
    if (sqlite3_threadsafe() == 0)
        return makeError(
            ErrorCode::Database, "the SQLite library was built without thread support (SQLITE_THREADSAFE=0)");
    sqlite3* raw = nullptr;
    // The contract is one thread per connection; FULLMUTEX still keeps a breach of it from corrupting memory,
    // at the cost of an uncontended lock per call.
    const int flags = (mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY)
        | SQLITE_OPEN_FULLMUTEX | (mode == Mode::Immutable ? SQLITE_OPEN_URI : 0);
    const std::string name = mode == Mode::Immutable ? immutableUri(path) : path;
    const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
    Database db(raw, path);
    if (rc != SQLITE_OK)
        return openError(raw, path);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    if (auto r = db.execute("PRAGMA foreign_keys = ON"); !r)
        return r.error();
    if (mode == Mode::ReadWrite) {
        auto actual = db.pragma("journal_mode = WAL");
        if (!actual)
            return actual.error();
        if (*actual != "wal")
            return makeError(ErrorCode::Database,
                "cannot switch database " + path + " to WAL journal mode (SQLite kept \"" + *actual + "\")");
        if (auto r = db.execute("PRAGMA synchronous = NORMAL"); !r)
            return r.error();
    }
    return db;
}

Result<Database> Database::openMemory()
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(
        ":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    Database db(raw, ":memory:");
    if (rc != SQLITE_OK)
        return openError(raw, ":memory:");
    sqlite3_extended_result_codes(raw, 1);
    if (auto r = db.execute("PRAGMA foreign_keys = ON"); !r)
        return r.error();
    return db;
}

Result<void> Database::execute(const std::string& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    std::string snippet = sql.size() > 80 ? sql.substr(0, 80) + "..." : sql;
    if (isReadOnlyCode(sqlite3_extended_errcode(m_db.get())))
        return makeError(ErrorCode::Database, readOnlyMessage(m_path) + ": cannot run: " + snippet);
    return makeError(ErrorCode::Database, "SQL failed: " + text + " (database " + m_path + ") in: " + snippet);
}

Result<Statement> Database::prepare(std::string_view sql) { return Statement::prepare(*this, sql); }

Result<std::string> Database::pragma(const std::string& assignment)
{
    auto stmt = prepare("PRAGMA " + assignment);
    if (!stmt)
        return stmt.error();
    auto stepped = stmt->step();
    if (!stepped)
        return stepped.error();
    return *stepped == Statement::Step::Row ? stmt->columnText(0) : std::string();
}

Result<int> Database::userVersion()
{
    auto value = pragma("user_version");
    if (!value)
        return value.error();
    // SQLite prints user_version as a plain 32-bit integer.
    return value->empty() ? 0 : std::stoi(*value);
}

Result<void> Database::setUserVersion(int version)
{
    // PRAGMA takes no bound parameters; the value is an int, so formatting it is safe.
    return execute("PRAGMA user_version = " + std::to_string(version));
}

Result<std::string> Database::journalMode() { return pragma("journal_mode"); }

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db.get()); }

int Database::changes() const { return sqlite3_changes(m_db.get()); }

bool Database::inTransaction() const { return sqlite3_get_autocommit(m_db.get()) == 0; }

std::string Database::lastError() const { return m_db ? sqlite3_errmsg(m_db.get()) : "database is not open"; }

bool Database::isReadOnly() const { return m_db && sqlite3_db_readonly(m_db.get(), "main") == 1; }

Error Database::error(std::string_view what) const
{
    if (m_db && isReadOnlyCode(sqlite3_extended_errcode(m_db.get())))
        return makeError(ErrorCode::Database, readOnlyMessage(m_path) + ": " + std::string(what));
    std::string message(what);
    message += ": ";
    message += lastError();
    message += " (database " + m_path + ")";
    return makeError(ErrorCode::Database, std::move(message));
}

Transaction::Transaction(Database& db)
    : m_db(&db)
{
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{
}

Result<Transaction> Transaction::begin(Database& db, Kind kind)
{
    if (db.inTransaction())
        return makeError(ErrorCode::Usage, "a transaction is already open on database " + db.path());
    if (auto r = db.execute(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"); !r)
        return r.error();
    return Transaction(db);
}

Transaction::~Transaction()
{
    if (m_db)
        (void)rollback();
}

Result<void> Transaction::commit()
{
    if (!m_db)
        return makeError(ErrorCode::Usage, "commit of a transaction that is no longer active");
    auto r = m_db->execute("COMMIT");
    if (!r) {
        // A failed COMMIT (e.g. SQLITE_BUSY) leaves the transaction open; roll back so the connection is usable.
        (void)rollback();
        return r.error();
    }
    m_db = nullptr;
    return {};
}

Result<void> Transaction::rollback()
{
    if (!m_db)
        return {};
    Database* db = std::exchange(m_db, nullptr);
    // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); ROLLBACK would then fail.
    if (!db->inTransaction())
        return {};
    return db->execute("ROLLBACK");
}

} // namespace wb::store
