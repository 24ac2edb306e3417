// SPDX-License-Identifier: Apache-2.0
#include "core/relevance/encoder.h"

namespace wb::relevance {

void toSparse(const Vector& dense, SparseVector& out)
{
    out.indices.clear();
    out.values.clear();
    for (std::size_t i = 0; i < dense.size(); ++i) {
        if (dense[i] != 0.0f) {
            out.indices.push_back(std::uint32_t(i));
            out.values.push_back(dense[i]);
        }
    }
}

Result<void> Encoder::encodeSparse(const std::vector<std::string_view>& texts, std::vector<SparseVector>& out)
{
    const std::vector<std::string> copies(texts.begin(), texts.end());
    Result<std::vector<Vector>> dense = encode(copies);
    if (!dense)
        return dense.error();
    if (dense->size() != texts.size())
        return makeError(ErrorCode::Internal,
            "encoder returned " + std::to_string(dense->size()) + " vectors for " + std::to_string(texts.size())
                + " texts",
            id());
    out.resize(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i)
        toSparse((*dense)[i], out[i]);
    return {};
}

} // namespace wb::relevance
