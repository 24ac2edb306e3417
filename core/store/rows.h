// SPDX-License-Identifier: Apache-2.0
// Internal to store/: turns the rows of a bound statement into records.
#pragma once

#include "core/common/result.h"
#include "core/store/statement.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wb::store {

class Database;

/// NotFound error "<what> <id> does not exist in database <path>".
Error notFoundError(const std::string& what, std::int64_t id, const Database& db);

/// Steps `stmt` once and maps the row through `read(const Statement&)`, which returns a Record or a
/// Result<Record> (for readers that can fail); nullopt when there is no row.
template <class Record, class Reader> Result<std::optional<Record>> nextRow(Statement& stmt, Reader read)
{
    auto stepped = stmt.step();
    if (!stepped)
        return stepped.error();
    if (*stepped == Statement::Step::Done)
        return std::optional<Record>();
    if constexpr (std::is_same_v<decltype(read(stmt)), Result<Record>>) {
        auto record = read(stmt);
        if (!record)
            return record.error();
        return std::optional<Record>(std::move(*record));
    } else {
        return std::optional<Record>(read(stmt));
    }
}

/// Steps `stmt` to the end, mapping every row as nextRow() does.
template <class Record, class Reader> Result<std::vector<Record>> collectRows(Statement& stmt, Reader read)
{
    std::vector<Record> out;
    for (;;) {
        auto row = nextRow<Record>(stmt, read);
        if (!row)
            return row.error();
        if (!row->has_value())
            return out;
        out.push_back(std::move(**row));
    }
}

} // namespace wb::store
