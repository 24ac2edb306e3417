// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/run/runner.h"

namespace wb::run {

/// Builds the StepProgram of a run from method/ (the method text stored in the run's configuration).
const StepProgramFactory& defaultStepProgramFactory();

/// "builtin" → the offline relevance encoder; an http(s) URL → the embeddings endpoint at that base URL.
const EncoderFactory& defaultEncoderFactory();

} // namespace wb::run
