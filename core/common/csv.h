// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// The workbench's one CSV codec (RFC 4180): the dataset loader reads with RowReader, `i3c report --csv` and
/// the GUI's table exports write with formatRow().
namespace wb::csv {

/// Where a reader stands in its input. Lines are 1-based; offsets count bytes from the start of the input.
struct Position {
    std::uint64_t line = 1;
    std::uint64_t offset = 0;
    std::uint64_t lineStart = 0; ///< offset of the first byte of the current line
};

/// One row cut out of CSV text.
struct Row {
    std::vector<std::string> fields; ///< unquoted, with doubled quotes undone
    std::string raw; ///< the row's bytes as in the input, without the line break that ends it
    std::uint64_t line = 0; ///< line the row starts on (a quoted field may carry it over several lines)
};

/// Incremental reader: the input arrives chunk by chunk (a file need not fit in memory) and complete rows come
/// out one at a time. Rows end at LF or CRLF outside quotes; a line break inside a quoted field belongs to the
/// field and still counts as a line, so every later row and error names its true line. Rows with no content
/// (blank lines) are skipped. Lenient where RFC 4180 is silent: a quote inside an unquoted field is kept as
/// text, and so is text after a closing quote.
class RowReader {
public:
    explicit RowReader(Position start = {});

    /// Consumes bytes from the front of `input` until a row is complete or the input runs out, and returns how
    /// many it used. Consumes nothing while a complete row waits to be taken.
    std::size_t feed(std::string_view input);
    /// Call once the input is exhausted: completes a last row that has no line break. Fails (InvalidInput,
    /// located "`name`:LINE" at the opening quote) when the input ends inside a quoted field.
    Result<void> finish(const std::string& name);

    bool hasRow() const { return m_rowReady; }
    /// The completed row; the reader starts on the next one.
    Row takeRow();

    /// Bytes of the row read so far, for callers that cap the size of a row.
    std::size_t pendingBytes() const { return m_row.raw.size(); }
    /// Line the row being read starts on.
    std::uint64_t pendingLine() const { return m_row.line; }
    const Position& position() const { return m_position; }

private:
    void endField();
    void endRow();
    void resetRow();

    Position m_position;
    Row m_row;
    std::string m_field;
    bool m_inQuotes = false;
    bool m_quoteSeen = false; ///< a '"' inside quotes: either the first of a doubled quote or the closing one
    bool m_rowHasContent = false;
    bool m_rowReady = false;
    std::uint64_t m_quoteLine = 0; ///< line of the quote that opened the current quoted field
};

/// A value to write and where it came from. Text from outside the program (model output, dataset fields, error
/// messages that quote them) is untrusted: a spreadsheet would run it as a formula if it started with '=', '+',
/// '-', '@', tab or CR. Values the program formats itself, such as -3.5 or "-" for "not scored", are ours.
struct Cell {
    enum class Origin { Ours, Untrusted };
    std::string text;
    Origin origin = Origin::Untrusted;

    static Cell ours(std::string text) { return { std::move(text), Origin::Ours }; }
    static Cell untrusted(std::string text) { return { std::move(text), Origin::Untrusted }; }
};

/// One field: untrusted text that a spreadsheet would evaluate gets a leading apostrophe (OWASP's advice for
/// CSV injection; Excel and LibreOffice then show it as text). Then the field is quoted, with quotes doubled,
/// when it holds a comma, quote, CR or LF, or starts or ends with a space.
std::string formatField(const Cell& cell);
/// The fields joined by commas and ended by CRLF, as RFC 4180 asks.
std::string formatRow(const std::vector<Cell>& cells);

} // namespace wb::csv
