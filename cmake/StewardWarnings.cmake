# steward_set_warnings(target): the project's warning set, errors when STEWARD_WERROR is on.
function(steward_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 reports false -Wrestrict positives inside std::string at -O2/-O3 (GCC bug 105329),
    # and false -Wmaybe-uninitialized ones for std::optional<std::string> members copied at -O3
    # (GCC bugs 105562, 107138). Both stay warnings-as-errors on other compilers.
    target_compile_options(${target} PRIVATE -Wno-restrict -Wno-maybe-uninitialized)
    # GCC 12 also reports false -Wstringop-overflow positives for std::string operator+ once
    # optimisation inlines it (GCC bug 105651), e.g. in cmd_duplicates.cpp built at -O3 with the
    # precompiled header. Debug builds keep the warning.
    target_compile_options(${target} PRIVATE $<$<NOT:$<CONFIG:Debug>>:-Wno-stringop-overflow>)
  endif()
  if(STEWARD_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
