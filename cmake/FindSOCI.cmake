# FindSOCI
# --------
# Debian's libsoci-dev ships no CMake package configuration, so this module finds SOCI's
# headers and libraries and defines imported targets:
#
#   SOCI::core         libsoci_core and the include directory
#   SOCI::sqlite3      the SQLite 3 backend (links SQLite3)
#   SOCI::postgresql   the PostgreSQL backend (links libpq)
#
# Components (sqlite3, postgresql) name the backends the caller needs; a missing one fails
# find_package(SOCI REQUIRED ...) with the library that was looked for.

find_path(SOCI_INCLUDE_DIR NAMES soci/soci.h)
find_library(SOCI_CORE_LIBRARY NAMES soci_core)
mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY)

set(_soci_version_file "${SOCI_INCLUDE_DIR}/soci/version.h")
if(SOCI_INCLUDE_DIR AND EXISTS "${_soci_version_file}")
  file(STRINGS "${_soci_version_file}" _soci_version_line REGEX "^#define SOCI_VERSION [0-9]+")
  string(REGEX REPLACE "^#define SOCI_VERSION ([0-9]+).*" "\\1" _soci_v "${_soci_version_line}")
  math(EXPR _major "${_soci_v} / 100000")
  math(EXPR _minor "${_soci_v} / 100 % 1000")
  math(EXPR _patch "${_soci_v} % 100")
  set(SOCI_VERSION "${_major}.${_minor}.${_patch}")
endif()

foreach(_component IN LISTS SOCI_FIND_COMPONENTS)
  find_library(SOCI_${_component}_LIBRARY NAMES soci_${_component})
  mark_as_advanced(SOCI_${_component}_LIBRARY)
  if(SOCI_${_component}_LIBRARY)
    set(SOCI_${_component}_FOUND TRUE)
  else()
    set(SOCI_${_component}_FOUND FALSE)
  endif()
endforeach()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI
  REQUIRED_VARS SOCI_CORE_LIBRARY SOCI_INCLUDE_DIR
  VERSION_VAR SOCI_VERSION
  HANDLE_COMPONENTS)

if(SOCI_FOUND AND NOT TARGET SOCI::core)
  add_library(SOCI::core UNKNOWN IMPORTED)
  set_target_properties(SOCI::core PROPERTIES
    IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${CMAKE_DL_LIBS}")
endif()

if(SOCI_sqlite3_FOUND AND NOT TARGET SOCI::sqlite3)
  find_package(SQLite3 REQUIRED)
  add_library(SOCI::sqlite3 UNKNOWN IMPORTED)
  set_target_properties(SOCI::sqlite3 PROPERTIES
    IMPORTED_LOCATION "${SOCI_sqlite3_LIBRARY}"
    INTERFACE_LINK_LIBRARIES "SOCI::core;SQLite::SQLite3")
endif()

if(SOCI_postgresql_FOUND AND NOT TARGET SOCI::postgresql)
  find_package(PostgreSQL REQUIRED)
  add_library(SOCI::postgresql UNKNOWN IMPORTED)
  set_target_properties(SOCI::postgresql PROPERTIES
    IMPORTED_LOCATION "${SOCI_postgresql_LIBRARY}"
    INTERFACE_LINK_LIBRARIES "SOCI::core;PostgreSQL::PostgreSQL")
endif()
