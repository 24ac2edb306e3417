# SPDX-License-Identifier: Apache-2.0
# Fails when a C++ file of the project differs from what clang-format makes of it with the repository's
# .clang-format. Run from CTest (tests/CMakeLists.txt) with -DSOURCE_DIR=... -DCLANG_FORMAT=...
set(dirs app bench core tests tools ui)
set(files)
foreach(dir IN LISTS dirs)
    file(GLOB_RECURSE found ${SOURCE_DIR}/${dir}/*.cpp ${SOURCE_DIR}/${dir}/*.h ${SOURCE_DIR}/${dir}/*.h.in)
    list(APPEND files ${found})
endforeach()
# Generated from WordNet by tools/relevance/gen_lexicon.py; its layout is the generator's.
list(FILTER files EXCLUDE REGEX "/core/relevance/lexicondata\\.cpp$")
list(FILTER files EXCLUDE REGEX "/tests/fuzz/corpus/")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror ${files}
    RESULT_VARIABLE rc ERROR_VARIABLE diagnostics OUTPUT_QUIET)
list(LENGTH files n)
if(NOT rc EQUAL 0)
    string(REGEX MATCHALL "${SOURCE_DIR}/[^:]+:[0-9]+" places "${diagnostics}")
    list(REMOVE_DUPLICATES places)
    list(JOIN places "\n  " text)
    message(FATAL_ERROR "These places are not formatted with .clang-format (fix: clang-format -i FILE):\n  ${text}")
endif()
message(STATUS "${n} C++ files follow .clang-format")
