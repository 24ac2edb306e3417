// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string_view>

/// Word table of the built-in encoder, generated from WordNet 3.0 by tools/relevance/gen_lexicon.py.
namespace wb::relevance::lexicondata {

/// Number of WordNet synset glosses the document frequencies were counted over.
extern const std::size_t kGlossCount;
/// Lines "word df flags" (flags: n noun, v verb, a adjective/adverb, p person noun, "-" none), in chunks.
extern const std::string_view kWordChunks[];
extern const std::size_t kWordChunkCount;
/// Lines "inflected base" from WordNet's exception lists, in chunks.
extern const std::string_view kExceptionChunks[];
extern const std::size_t kExceptionChunkCount;

} // namespace wb::relevance::lexicondata
