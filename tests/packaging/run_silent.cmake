# SPDX-License-Identifier: Apache-2.0
# Runs COMMAND with ARGS and fails when it exits non-zero or prints anything: validators that only warn
# still exit 0, and a warning is what the packaging must not ship.
execute_process(COMMAND ${COMMAND} ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(STRIP "${out}${err}" messages)
if(NOT rc EQUAL 0 OR NOT messages STREQUAL "")
    message(FATAL_ERROR "${COMMAND} ${ARGS} exited ${rc}:\n${messages}")
endif()
message(STATUS "${COMMAND}: no messages")
