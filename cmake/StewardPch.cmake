# steward_use_pch(target [TESTS]): precompiles the headers nearly every translation unit parses
# (the standard library, nlohmann_json, SOCI; GoogleTest for test targets). Parsing them took 3-5 s
# of the 5-8 s each file needed in a cold Release build; see docs/decisions/0180-precompiled-headers.md.
# -DSTEWARD_PCH=OFF builds without, which is how to check that every file includes what it uses.
# Off by default until a full Release build with it is checked clean: at -O3 the precompiled
# header changes GCC 12's inlining enough to raise false warnings in files that built cleanly
# without it (see decision 0180).
option(STEWARD_PCH "Precompile the common heavy headers" OFF)

set(STEWARD_PCH_HEADERS
  <algorithm> <chrono> <cstdint> <filesystem> <functional> <map> <memory> <optional> <set>
  <sstream> <string> <string_view> <utility> <vector>
  <nlohmann/json.hpp> <soci/soci.h>)

function(steward_use_pch target)
  if(NOT STEWARD_PCH)
    return()
  endif()
  cmake_parse_arguments(PCH "TESTS" "" "" ${ARGN})
  set(headers ${STEWARD_PCH_HEADERS})
  if(PCH_TESTS)
    list(APPEND headers <gtest/gtest.h> <gmock/gmock.h>)
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
