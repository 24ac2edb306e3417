# SPDX-License-Identifier: Apache-2.0
# wb_add_qt_test(<name> SOURCES ... [LIBS ...] [LABEL core|ui|gui|cli] [TIMEOUT s] [GUI])
# Builds one Qt Test executable and registers it with CTest. Every test runs on the offscreen QPA
# so that CI needs no display.
function(wb_add_qt_test name)
    cmake_parse_arguments(ARG "GUI" "LABEL;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    if(NOT ARG_LABEL)
        set(ARG_LABEL core)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE wb_options wb_testsupport Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen"
        LABELS ${ARG_LABEL}
        TIMEOUT ${ARG_TIMEOUT})
endfunction()
