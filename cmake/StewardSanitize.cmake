# Sanitizer and fuzzing instrumentation for a whole build directory (every target: product code,
# plugins, tests), set before any target is created.
#   -DSTEWARD_SANITIZE=address,undefined   AddressSanitizer + UndefinedBehaviorSanitizer, any
#                                          report aborts the program (-fno-sanitize-recover=all)
#   -DSTEWARD_BUILD_FUZZ=ON                also instruments everything for libFuzzer
#                                          (-fsanitize=fuzzer-no-link, clang only) and builds
#                                          tests/fuzz/*_fuzz.cpp; implies address if no sanitizer
#                                          was named.
# scripts/test builds build-asan this way with clang (docs/decisions/0202-*.md); the run-time
# options and suppressions are in tests/sanitizers/ and set by scripts/lib/sanitize.sh.
set(STEWARD_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")

if(STEWARD_BUILD_FUZZ AND NOT STEWARD_SANITIZE)
  set(STEWARD_SANITIZE address)
endif()

if(STEWARD_SANITIZE)
  add_compile_options(-fsanitize=${STEWARD_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${STEWARD_SANITIZE} -fno-sanitize-recover=all)
  if(STEWARD_SANITIZE MATCHES "undefined")
    # UBSan's vptr check refers to the typeinfo of every polymorphic class it checks, and
    # Debian's libsoci does not export SOCI's internal ones (soci::details::ref_counted_statement,
    # ...): with the core compiled in units (decision 0215) and a precompiled header, 20 of its
    # 40 units referred to them and nothing linking the core could link. The per-function
    # STEWARD_NO_SANITIZE_VPTR (decision 0210) does not reach SOCI's own inline code.
    add_compile_options(-fno-sanitize=vptr)
  endif()
endif()

if(STEWARD_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "STEWARD_BUILD_FUZZ needs clang: configure with CC=clang CXX=clang++")
  endif()
  # Coverage feedback for libFuzzer in every library a fuzz target reaches; the test
  # executables get it too (harmless: the sanitizer runtime defines the callbacks).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
