// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

struct sqlite3_stmt;

namespace wb::store {

class Database;

/// One prepared statement (RAII owner of `sqlite3_stmt*`), short-lived and used on the thread of its Database,
/// which must outlive it.
///
/// Indices follow SQLite: **parameters are bound 1-based** (`?1` is index 1), **columns are read 0-based**.
class Statement {
public:
    enum class Step {
        Row, ///< a row is available through the column getters
        Done, ///< the statement has finished
    };

    /// Prepares exactly one statement. SQL holding a second statement after the first ';' is rejected with
    /// InvalidInput instead of being silently ignored; empty SQL is rejected too.
    static Result<Statement> prepare(Database& db, std::string_view sql);

    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Binding (1-based). Text and blobs are copied by SQLite, so the arguments may die after the call.
    Result<void> bindInt64(int index, std::int64_t value);
    Result<void> bindDouble(int index, double value);
    Result<void> bindText(int index, std::string_view value);
    Result<void> bindBlob(int index, std::string_view bytes);
    Result<void> bindNull(int index);

    /// Generic bind: integers and bool → INTEGER, floating point → REAL, strings → TEXT, nullopt/nullptr → NULL.
    template <class T> Result<void> bind(int index, const T& value)
    {
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
            return bindNull(index);
        } else if constexpr (requires {
                                 value.has_value();
                                 *value;
                             }) {
            return value.has_value() ? bind(index, *value) : bindNull(index);
        } else if constexpr (std::is_integral_v<T>) {
            return bindInt64(index, static_cast<std::int64_t>(value));
        } else if constexpr (std::is_floating_point_v<T>) {
            return bindDouble(index, static_cast<double>(value));
        } else {
            return bindText(index, std::string_view(value));
        }
    }

    /// Advances the statement. A failure (constraint, busy, I/O) comes back as an Error with SQLite's message.
    Result<Step> step();
    /// Runs a statement that returns no rows to completion (INSERT/UPDATE/DELETE/DDL).
    Result<void> run();
    /// Makes the statement runnable again; bindings stay unless clearBindings() is called.
    Result<void> reset();
    void clearBindings();

    // Column getters (0-based), valid after step() returned Row.
    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t columnInt64(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::string columnBlob(int column) const;
    std::optional<std::int64_t> columnOptionalInt64(int column) const;
    std::optional<double> columnOptionalDouble(int column) const;

    /// The SQL text as prepared.
    std::string sql() const;

private:
    Statement(Database& db, sqlite3_stmt* stmt);
    Result<void> check(int rc, int index, const char* what) const;

    Database* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace wb::store
