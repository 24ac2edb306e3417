# SPDX-License-Identifier: Apache-2.0
# One .deb and one .tar.gz holding every install component (cli: the `i3c` command; gui: the desktop
# workbench and its desktop integration; data: shipped methods and the demo dataset). scripts/package.sh
# builds both; docs/packaging.md describes the layout.
set(CPACK_PACKAGE_NAME "i3c-workbench")
set(CPACK_PACKAGE_VENDOR "I3C Workbench contributors")
# Debian wants a synopsis under 80 characters.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Study how LLMs handle irrelevant conditions in math word problems")
# The Debian long description (below the summary line); lines kept under 80 columns.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "I3C Workbench loads math word problem datasets, splits each problem into\n"
    "conditions and a question, scores how relevant each condition is, and runs\n"
    "the I3C and I3C-Select prompting methods and their chain-of-thought\n"
    "baselines against any OpenAI-compatible backend.\n"
    ".\n"
    "It ships a Qt desktop workbench (i3c-workbench) and a command-line tool\n"
    "(i3c). Every call and result is stored in SQLite.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "I3C Workbench contributors <maintainers@example.invalid>")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_STRIP_FILES ON)
set(CPACK_THREADS 0)

# A single package per generator: the components only make sense together (`cmake --install --component cli`
# still installs one of them alone).
set(CPACK_MONOLITHIC_INSTALL ON)

set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Native Wayland windows; without it Qt falls back to XWayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)

set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/;/build.*/;/\\\\.cache/")
include(CPack)
