// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace wb {

/// What kind of failure an Error describes; the CLI maps InvalidInput/NotFound/Usage to exit status 2.
enum class ErrorCode {
    InvalidInput, ///< a file, record or field is malformed
    NotFound, ///< a file, run, method or model does not exist
    Usage, ///< a caller passed arguments that do not fit together
    Io, ///< reading or writing a file failed
    Network, ///< connection, DNS, TLS or timeout
    Http, ///< the server answered with an error status
    Auth, ///< the server rejected the credentials
    Database, ///< SQLite reported an error
    Cancelled, ///< the operation was cancelled by the caller
    Busy, ///< someone else holds it now (a run another process is executing); try again later
    Internal, ///< a bug: an invariant did not hold
};

const char* errorCodeName(ErrorCode code);

/// A failure as a value. `location` names where: "file:line", an endpoint URL, or a field path.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::string location;
    /// The field the error is about, as a path inside the record or document it came from ("answer",
    /// "lSolutions[0]", "steps[1].messages[0].template"); empty when no single field is at fault. A caller that
    /// knows where the record sits uses it to point at the field (a file line, an editor widget) without
    /// reading the message.
    std::string field;

    /// "location: message" (or just the message when there is no location).
    std::string toString() const;
};

/// Holds either a T or an Error. Core functions return it instead of throwing across module boundaries.
template <class T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    {
    }
    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(ErrorCode code, std::string message, std::string location = {})
{
    return Error { code, std::move(message), std::move(location), {} };
}

/// An error about one field (see Error::field).
inline Error makeFieldError(ErrorCode code, std::string field, std::string message, std::string location = {})
{
    return Error { code, std::move(message), std::move(location), std::move(field) };
}

} // namespace wb
