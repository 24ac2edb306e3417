// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

// The C handle stays out of public headers so that only store/*.cpp include <sqlite3.h>.
struct sqlite3;

namespace wb::store {

class Statement;

/// One SQLite connection (RAII owner of `sqlite3*`).
///
/// Thread-safety: a Database, and every Statement prepared on it, belongs to one thread at a time; give each
/// thread its own connection (the runner writes through one, the GUI reads through another). open() refuses a
/// SQLite library built with SQLITE_THREADSAFE=0. File databases use WAL, so readers on other connections see
/// the last committed state and are never blocked by the writer; writers wait up to kBusyTimeoutMs for each other.
class Database {
public:
    enum class Mode {
        ReadWrite, ///< create the file if missing
        ReadOnly, ///< fail when the file is missing; no WAL switch; writes fail with an error saying read-only
        /// ReadOnly on a file nobody writes meanwhile (SQLite's immutable=1): needs no -shm or -wal file, so it
        /// also reads a WAL database in a directory it cannot write. ReadOnly falls back to it when it must.
        Immutable,
    };

    /// How long a connection waits for another connection's write lock before SQLITE_BUSY.
    static constexpr int kBusyTimeoutMs = 5000;

    /// Opens (or creates) a file database with journal_mode=WAL, foreign_keys=ON, synchronous=NORMAL and
    /// busy_timeout. With WAL + NORMAL a committed transaction survives a crash of the program; after a power
    /// loss the last commits may be missing but the file is never corrupt. ":memory:" gives openMemory().
    static Result<Database> open(const std::string& path, Mode mode = Mode::ReadWrite);
    /// How a program that may write should open `path`: ReadOnly when the file exists but this process cannot
    /// write it or its folder (where SQLite puts the -wal and -shm files), else ReadWrite. A file or folder with
    /// no write bit at all (mode 0444, 0555) is ReadOnly even for root, whom permissions do not stop.
    static Mode modeFor(const std::string& path);
    /// A private in-memory database (foreign_keys=ON); used by tests and throw-away work.
    static Result<Database> openMemory();

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// Runs one or more ';'-separated statements that return no rows (DDL, PRAGMA, BEGIN/COMMIT).
    Result<void> execute(const std::string& sql);
    /// Prepares exactly one statement; see Statement::prepare.
    Result<Statement> prepare(std::string_view sql);

    /// PRAGMA user_version: the schema version stored in the file header.
    Result<int> userVersion();
    Result<void> setUserVersion(int version);
    /// PRAGMA journal_mode as SQLite reports it ("wal", "memory", "delete", ...).
    Result<std::string> journalMode();

    /// Runs "PRAGMA <assignment>" (e.g. "journal_mode = WAL") and returns the first column of its first row as
    /// text, or "" when it returns none. `assignment` is pasted into the SQL: pass constants only.
    Result<std::string> pragma(const std::string& assignment);

    /// Rowid of the last successful INSERT on this connection.
    std::int64_t lastInsertRowId() const;
    /// Rows changed by the last INSERT/UPDATE/DELETE on this connection.
    int changes() const;
    /// True while an explicit transaction is open on this connection.
    bool inTransaction() const;

    /// SQLite's message for the most recent failure on this connection.
    std::string lastError() const;
    /// The file path, or ":memory:".
    const std::string& path() const { return m_path; }
    /// True when the connection cannot write (opened ReadOnly or Immutable, or the file refuses writes).
    bool isReadOnly() const;

    /// An Error (code Database) whose message holds `what`, SQLite's errmsg and the database path; a write
    /// refused because the database is read-only says so first.
    Error error(std::string_view what) const;

    sqlite3* handle() const { return m_db.get(); }

private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    Database(sqlite3* db, std::string path);
    static Result<Database> openFile(const std::string& path, Mode mode);

    std::unique_ptr<sqlite3, Closer> m_db;
    std::string m_path;
};

/// RAII transaction: rolls back on destruction unless commit() succeeded. Not nestable (SQLite has no nested
/// BEGIN); begin() fails with Usage when a transaction is already open on the connection.
class Transaction {
public:
    enum class Kind {
        Deferred, ///< takes the write lock on the first write
        Immediate, ///< takes the write lock now, so a later write cannot fail with SQLITE_BUSY mid-way
    };

    static Result<Transaction> begin(Database& db, Kind kind = Kind::Immediate);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Result<void> commit();
    /// Explicit rollback; also what the destructor does when neither commit() nor rollback() ran.
    Result<void> rollback();
    bool active() const { return m_db != nullptr; }

private:
    explicit Transaction(Database& db);
    Database* m_db = nullptr;
};

} // namespace wb::store
