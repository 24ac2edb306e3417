// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/csv.h"
#include "core/common/result.h"
#include "core/dataset/bytesource.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wb::dataset {

/// How records are laid out in a file, independent of what their fields mean.
enum class Container { JsonArray, JsonLines, Csv };

/// Hard limits that keep a hostile or broken file from exhausting memory or the JSON parser's stack.
inline constexpr std::size_t kMaxRecordBytes = 16u << 20;
inline constexpr int kMaxNestingDepth = 64;

/// One record cut out of the file, not yet interpreted.
struct RawRecord {
    std::string text; ///< the record's bytes (one JSON value, or the raw CSV row)
    std::vector<std::string> fields; ///< CSV only: the unquoted fields
    std::uint64_t line = 0; ///< 1-based line of the record's first byte
    std::size_t number = 0; ///< 1-based record number in the file
    std::uint64_t column = 1; ///< 1-based byte column of the record's first byte on its line
    std::string defect; ///< non-empty when the bytes themselves are unusable (bad UTF-8, NUL, nesting)
    std::uint64_t defectLine = 0; ///< line the defect is on
};

/// Cuts a file into records without holding more than one record in memory: JSON Lines line by line,
/// a top-level JSON array element by element (a small scanner tracks strings, escapes and brackets), CSV row by
/// row (csv::RowReader: RFC 4180 quoting, embedded newlines). Fatal layout errors come back as an Error located
/// "file:line".
class RecordReader {
public:
    RecordReader(ByteSource& source, std::string path);

    /// Skips a UTF-8 byte-order mark and leading blank space. Fails on an empty file or a UTF-16 file.
    /// Returns the first significant byte.
    Result<char> start();
    void setContainer(Container container) { m_container = container; }

    /// Reads the next record into `record`; false at the end of the data.
    Result<bool> next(RawRecord& record);

    std::uint64_t currentLine() const { return m_line; }

    /// Marks `record` unusable because of what is at byte `offset` of its text; names line and byte column.
    void markDefect(RawRecord& record, std::size_t offset, std::string what) const;

private:
    Result<bool> nextJsonLine(RawRecord& record);
    Result<bool> nextArrayElement(RawRecord& record);
    Result<bool> nextCsvRow(RawRecord& record);
    void takeCsvPosition(); ///< line and offsets from the CSV reader, which counts them inside rows
    Result<bool> scanArrayElement(RawRecord& record);
    Result<bool> closeArray(); ///< consumes ']' and checks that only blank space follows
    int skipBlankSpace(); ///< returns the next byte (not consumed) or -1 at end of file
    void checkBytes(RawRecord& record) const; ///< NUL bytes and invalid UTF-8
    Error fatal(std::uint64_t line, std::string message) const;

    enum class ArrayState { BeforeOpen, First, AfterElement, AfterComma, Done };

    ByteSource& m_source;
    std::string m_path;
    Container m_container = Container::JsonLines;
    ArrayState m_arrayState = ArrayState::BeforeOpen;
    std::uint64_t m_line = 1;
    std::size_t m_number = 0;
    std::uint64_t m_offset = 0; ///< file offset of the next unconsumed byte
    std::uint64_t m_lineStart = 0; ///< file offset where the current line starts
    std::optional<csv::RowReader> m_csv; ///< created where the CSV rows start
};

} // namespace wb::dataset
