// SPDX-License-Identifier: Apache-2.0
#include "core/common/result.h"

namespace wb {

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
        return "invalid input";
    case ErrorCode::NotFound:
        return "not found";
    case ErrorCode::Usage:
        return "usage";
    case ErrorCode::Io:
        return "i/o error";
    case ErrorCode::Network:
        return "network error";
    case ErrorCode::Http:
        return "http error";
    case ErrorCode::Auth:
        return "authentication error";
    case ErrorCode::Database:
        return "database error";
    case ErrorCode::Cancelled:
        return "cancelled";
    case ErrorCode::Busy:
        return "busy";
    case ErrorCode::Internal:
        return "internal error";
    }
    return "error";
}

std::string Error::toString() const
{
    if (location.empty())
        return message;
    return location + ": " + message;
}

} // namespace wb
