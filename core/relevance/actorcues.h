// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace wb::relevance {

/// Number of actors each condition introduces that the rest of the problem never mentions.
///
/// An actor is a person or named thing: a capitalised word that is not a sentence opener (or is one but is
/// followed by a verb, or is capitalised elsewhere, or is no English word), a name after a title ("Mr.", "Uncle"),
/// or a relation of a named actor ("Grover's brother", "Mr.Lu's wife" -- a WordNet person noun after a possessive).
/// An actor counts as new for condition i when neither the question, nor any other condition mentions it, and
/// it is not the problem's protagonist (the first actor named in the text, whom pronouns elsewhere refer to).
/// Conditions that bring in an actor nobody else talks about are the typical shape of inserted, irrelevant facts.
std::vector<int> newActorCounts(const std::vector<std::string>& conditions, const std::string& question);

} // namespace wb::relevance
