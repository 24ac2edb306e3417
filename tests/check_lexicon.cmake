# SPDX-License-Identifier: Apache-2.0
# Regenerates core/relevance/lexicondata.cpp from the installed WordNet (Debian's wordnet-base) and fails when
# the committed file differs. Run from CTest with -DSOURCE_DIR=... -DPYTHON=... -DWORDNET=... -DOUT=...
execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/tools/relevance/gen_lexicon.py ${WORDNET}
    OUTPUT_FILE ${OUT} RESULT_VARIABLE rc ERROR_VARIABLE log)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "tools/relevance/gen_lexicon.py failed:\n${log}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${SOURCE_DIR}/core/relevance/lexicondata.cpp
    RESULT_VARIABLE differs)
if(differs)
    message(FATAL_ERROR "core/relevance/lexicondata.cpp differs from what tools/relevance/gen_lexicon.py makes of "
        "${WORDNET} (${OUT}); regenerate it with: tools/relevance/gen_lexicon.py > core/relevance/lexicondata.cpp")
endif()
message(STATUS "core/relevance/lexicondata.cpp matches its generator (${log})")
