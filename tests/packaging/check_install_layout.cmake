# SPDX-License-Identifier: Apache-2.0
# Installs BUILD_DIR into STAGE_DIR and checks the files a package ships, then runs the installed `i3c` to
# show that it reads the methods installed beside it (<prefix>/share/i3c-workbench/methods), also once the
# whole tree has moved: a probe method copied only into the staged folder must be listed.
foreach(var BUILD_DIR STAGE_DIR APP_ID DATADIR BINDIR ICON_SIZES)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check_install_layout.cmake needs -D${var}=...")
    endif()
endforeach()

file(REMOVE_RECURSE "${STAGE_DIR}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${STAGE_DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${rc}):\n${out}${err}")
endif()

set(data "${STAGE_DIR}/${DATADIR}")
set(expected
    "${STAGE_DIR}/${BINDIR}/i3c"
    "${data}/i3c-workbench/datasets/demo/demo.jsonl"
    "${data}/i3c-workbench/methods/i3c-select.json"
    "${data}/i3c-workbench/methods/direct+i3c.json"
    "${data}/doc/i3c-workbench/copyright"
    "${data}/doc/i3c-workbench/changelog.gz")
if(WITH_GUI)
    list(APPEND expected
        "${STAGE_DIR}/${BINDIR}/i3c-workbench"
        "${data}/applications/${APP_ID}.desktop"
        "${data}/metainfo/${APP_ID}.metainfo.xml"
        "${data}/icons/hicolor/scalable/apps/${APP_ID}.svg")
    string(REPLACE "," ";" sizes "${ICON_SIZES}")
    foreach(size IN LISTS sizes)
        list(APPEND expected "${data}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png")
    endforeach()
endif()
set(missing)
foreach(path IN LISTS expected)
    if(NOT EXISTS "${path}")
        list(APPEND missing "${path}")
    endif()
endforeach()
if(missing)
    list(JOIN missing "\n  " missing_text)
    message(FATAL_ERROR "installed tree lacks:\n  ${missing_text}")
endif()

# The PNG header carries the size: bytes 16..23 are the big-endian width and height.
if(WITH_GUI)
    foreach(size IN LISTS sizes)
        file(READ "${data}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png" header LIMIT 24 HEX)
        math(EXPR hex_size "${size}" OUTPUT_FORMAT HEXADECIMAL)
        string(SUBSTRING "${hex_size}" 2 -1 hex_digits)
        string(LENGTH "${hex_digits}" n)
        math(EXPR pad "8 - ${n}")
        string(REPEAT "0" ${pad} zeros)
        set(dim "${zeros}${hex_digits}")
        string(TOLOWER "${dim}" dim)
        if(NOT header MATCHES "^89504e470d0a1a0a0000000d49484452${dim}${dim}$")
            message(FATAL_ERROR "icon ${size}x${size} has header ${header}, expected a ${size}x${size} PNG")
        endif()
    endforeach()
endif()

set(methods "${data}/i3c-workbench/methods")
file(READ "${methods}/direct.json" direct)
string(JSON probe SET "${direct}" id "\"install-probe\"")
string(JSON probe SET "${probe}" name "\"Install probe\"")
string(JSON probe REMOVE "${probe}" order)
file(WRITE "${methods}/zz-install-probe.json" "${probe}")
execute_process(COMMAND "${STAGE_DIR}/${BINDIR}/i3c" methods RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "\ninstall-probe ")
    message(FATAL_ERROR "installed i3c did not read ${methods} (exit ${rc}):\n${out}${err}")
endif()

# The installed tree is relocatable: moved elsewhere, it still reads its own methods.
set(moved "${STAGE_DIR}-moved")
file(REMOVE_RECURSE "${moved}")
file(RENAME "${STAGE_DIR}" "${moved}")
execute_process(COMMAND "${moved}/${BINDIR}/i3c" methods RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE "${moved}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "\ninstall-probe ")
    message(FATAL_ERROR "i3c of the moved install tree did not read its methods (exit ${rc}):\n${out}${err}")
endif()
message(STATUS "installed tree complete; installed i3c reads ${methods}, also after the tree moved")
