# SPDX-License-Identifier: Apache-2.0
# Runs PROGRAM with ARG and no display at all (no QT_QPA_PLATFORM, DISPLAY or WAYLAND_DISPLAY) and checks that it
# exits with status 0 and prints output matching EXPECT. CTest's PASS_REGULAR_EXPRESSION would ignore the status.
execute_process(COMMAND env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY ${PROGRAM} ${ARG}
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
if(NOT status STREQUAL "0")
    message(FATAL_ERROR "${PROGRAM} ${ARG} without a display exited with '${status}'\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT out MATCHES "${EXPECT}")
    message(FATAL_ERROR "${PROGRAM} ${ARG} printed no match for '${EXPECT}'\nstdout: ${out}\nstderr: ${err}")
endif()
