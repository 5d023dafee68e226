# steward_use_unity(target): compiles the target's .cpp files STEWARD_UNITY_BATCH_SIZE to a unit
# (CMake unity build) when STEWARD_UNITY is on. The product code (steward_core, steward_print, the
# plugin libraries) shares most of its headers and template instantiations (SOCI, nlohmann_json,
# fmt, the domain types), so a batch parses and instantiates them once instead of once per file;
# see docs/decisions/0202-sanitizers-fuzzing-tidy-in-ci.md for the measurements.
# The rule it brings: a helper at namespace scope (static, or in an anonymous namespace) must not
# share its name with one in another .cpp file of the same target. A clash is a compile error
# naming both files; rename the helper (give it the file's subject), never exclude the file.
# -DSTEWARD_UNITY=OFF compiles file by file, which is how to check a file includes what it uses.
option(STEWARD_UNITY "Compile the product code in batches (unity build)" ON)
# steward_core is batched too (decision 0215): its file-local helpers carry their file's subject
# (fund_from_row, kFundColumns, campaign_add_list), and helpers that were the same code in
# several files live once in a header (domain/text.hpp, ...). -DSTEWARD_UNITY_CORE=OFF compiles
# it file by file while the plugins stay batched; -DSTEWARD_UNITY=OFF turns both off.
option(STEWARD_UNITY_CORE "Also compile steward_core in batches" ON)
set(STEWARD_UNITY_BATCH_SIZE 8 CACHE STRING "Source files per unity unit of the product code")

function(steward_use_unity target)
  if(NOT STEWARD_UNITY OR NOT TARGET ${target})
    return()
  endif()
  if(target STREQUAL "steward_core" AND NOT STEWARD_UNITY_CORE)
    return()
  endif()
  set_target_properties(${target} PROPERTIES UNITY_BUILD ON
                                             UNITY_BUILD_BATCH_SIZE ${STEWARD_UNITY_BATCH_SIZE})
  # SOCI's SQLite header includes <sqlite3.h> inside `namespace sqlite_api`; a file that uses the
  # raw SQLite C API at global scope (the online backup, the report sandbox) would then find the
  # include guard set and no global declarations, so such files are compiled on their own.
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  foreach(src IN LISTS sources)
    if(NOT src MATCHES "\\.cpp$")
      continue()
    endif()
    if(NOT IS_ABSOLUTE ${src})
      set(src ${source_dir}/${src})
    endif()
    if(EXISTS ${src})
      file(STRINGS ${src} raw_sqlite REGEX "^#include <sqlite3\\.h>")
      if(raw_sqlite)
        set_source_files_properties(${src} TARGET_DIRECTORY ${target}
                                    PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
      endif()
    endif()
  endforeach()
endfunction()
