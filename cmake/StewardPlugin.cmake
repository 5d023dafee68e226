# steward_add_plugin(NAME <name> SOURCES <files...> [OUTPUT_DIRECTORY <dir>] [LIBRARIES <libs...>])
#
# Builds a Steward plugin: a MODULE library named exactly <name>.so (no "lib" prefix), compiled
# as C++20 with hidden visibility against the SDK headers (target Steward::sdk), into
# OUTPUT_DIRECTORY (in the Steward tree: build/plugins; out of tree: the current binary dir).
# Works both inside the Steward source tree and from an installed SDK
# (find_package(StewardSDK) includes this file).

if(NOT TARGET Steward::sdk)
  if(NOT STEWARD_SDK_INCLUDE_DIR)
    get_filename_component(STEWARD_SDK_INCLUDE_DIR "${CMAKE_CURRENT_LIST_DIR}/../core/include" ABSOLUTE)
  endif()
  find_package(Boost 1.74 REQUIRED)
  add_library(steward_sdk INTERFACE)
  target_include_directories(steward_sdk INTERFACE ${STEWARD_SDK_INCLUDE_DIR})
  target_link_libraries(steward_sdk INTERFACE Boost::headers)
  target_compile_features(steward_sdk INTERFACE cxx_std_20)
  add_library(Steward::sdk ALIAS steward_sdk)
endif()

function(steward_add_plugin)
  cmake_parse_arguments(ARG "" "NAME;OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_NAME OR NOT ARG_SOURCES)
    message(FATAL_ERROR "steward_add_plugin: NAME and SOURCES are required")
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    if(STEWARD_PLUGIN_OUTPUT_DIRECTORY)
      set(ARG_OUTPUT_DIRECTORY ${STEWARD_PLUGIN_OUTPUT_DIRECTORY})
    else()
      set(ARG_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
    endif()
  endif()
  add_library(${ARG_NAME} MODULE ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE Steward::sdk ${ARG_LIBRARIES})
  set_target_properties(${ARG_NAME} PROPERTIES
    PREFIX ""
    SUFFIX ".so"
    CXX_STANDARD 20
    CXX_STANDARD_REQUIRED ON
    CXX_EXTENSIONS OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  if(COMMAND steward_set_warnings)
    steward_set_warnings(${ARG_NAME})
  endif()
endfunction()
