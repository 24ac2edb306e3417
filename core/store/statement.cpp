// SPDX-License-Identifier: Apache-2.0
#include "core/store/statement.h"

#include "core/store/database.h"

#include <sqlite3.h>

#include <utility>

namespace wb::store {

namespace {

// True when `tail` holds another statement. Whitespace, stray ';' and comments compile to no statement at all,
// so asking SQLite is more exact than scanning the text.
bool holdsAnotherStatement(sqlite3* db, const char* tail, const char* end)
{
    while (tail < end) {
        sqlite3_stmt* next = nullptr;
        const char* rest = nullptr;
        const int rc = sqlite3_prepare_v2(db, tail, static_cast<int>(end - tail), &next, &rest);
        sqlite3_finalize(next);
        if (rc != SQLITE_OK || next)
            return true;
        if (!rest || rest <= tail)
            return false;
        tail = rest;
    }
    return false;
}

std::string shortened(std::string_view sql)
{
    return sql.size() > 120 ? std::string(sql.substr(0, 120)) + "..." : std::string(sql);
}

} // namespace

Statement::Statement(Database& db, sqlite3_stmt* stmt)
    : m_db(&db)
    , m_stmt(stmt)
{
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Result<Statement> Statement::prepare(Database& db, std::string_view sql)
{
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &raw, &tail);
    Statement stmt(db, raw);
    if (rc != SQLITE_OK)
        return db.error("cannot prepare \"" + shortened(sql) + "\"");
    if (!raw)
        return makeError(ErrorCode::InvalidInput, "empty SQL statement (database " + db.path() + ")");
    if (tail && holdsAnotherStatement(db.handle(), tail, sql.data() + sql.size()))
        return makeError(ErrorCode::InvalidInput,
            "SQL holds more than one statement; prepare them one at a time: \"" + shortened(sql) + "\" (database "
                + db.path() + ")");
    return stmt;
}

Result<void> Statement::check(int rc, int index, const char* what) const
{
    if (rc == SQLITE_OK)
        return {};
    std::string context = std::string(what) + " parameter " + std::to_string(index) + " (parameters are 1-based; "
        + std::to_string(sqlite3_bind_parameter_count(m_stmt)) + " in \"" + shortened(sql()) + "\")";
    if (rc == SQLITE_RANGE)
        return makeError(ErrorCode::Usage, "cannot bind " + context + " (database " + m_db->path() + ")");
    return m_db->error("cannot bind " + context);
}

Result<void> Statement::bindInt64(int index, std::int64_t value)
{
    return check(sqlite3_bind_int64(m_stmt, index, value), index, "integer");
}

Result<void> Statement::bindDouble(int index, double value)
{
    return check(sqlite3_bind_double(m_stmt, index, value), index, "real");
}

Result<void> Statement::bindText(int index, std::string_view value)
{
    // A null data pointer would bind NULL; an empty string must stay an empty TEXT.
    const char* data = value.data() ? value.data() : "";
    return check(sqlite3_bind_text64(m_stmt, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index, "text");
}

Result<void> Statement::bindBlob(int index, std::string_view bytes)
{
    const char* data = bytes.data() ? bytes.data() : "";
    return check(sqlite3_bind_blob64(m_stmt, index, data, bytes.size(), SQLITE_TRANSIENT), index, "blob");
}

Result<void> Statement::bindNull(int index) { return check(sqlite3_bind_null(m_stmt, index), index, "null"); }

Result<Statement::Step> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return Step::Row;
    if (rc == SQLITE_DONE)
        return Step::Done;
    return m_db->error("cannot execute \"" + shortened(sql()) + "\"");
}

Result<void> Statement::run()
{
    for (;;) {
        auto stepped = step();
        if (!stepped)
            return stepped.error();
        if (*stepped == Step::Done)
            return {};
    }
}

Result<void> Statement::reset()
{
    if (sqlite3_reset(m_stmt) != SQLITE_OK)
        return m_db->error("cannot reset \"" + shortened(sql()) + "\"");
    return {};
}

void Statement::clearBindings() { sqlite3_clear_bindings(m_stmt); }

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

std::int64_t Statement::columnInt64(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::columnDouble(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::columnText(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return text ? std::string(text, static_cast<std::size_t>(size)) : std::string();
}

std::string Statement::columnBlob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::optional<std::int64_t> Statement::columnOptionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return columnInt64(column);
}

std::optional<double> Statement::columnOptionalDouble(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return columnDouble(column);
}

std::string Statement::sql() const
{
    const char* text = m_stmt ? sqlite3_sql(m_stmt) : nullptr;
    return text ? text : "";
}

} // namespace wb::store
