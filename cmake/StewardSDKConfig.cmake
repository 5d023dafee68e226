# StewardSDK package config: find_package(StewardSDK REQUIRED) gives a plugin project the SDK
# headers (target Steward::sdk) and steward_add_plugin() (StewardPlugin.cmake). Installed by
# `cmake --install` into <prefix>/lib/cmake/StewardSDK; headers go to <prefix>/include/steward/sdk.
include(CMakeFindDependencyMacro)
find_dependency(Boost 1.74)
get_filename_component(STEWARD_SDK_PREFIX "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(STEWARD_SDK_INCLUDE_DIR "${STEWARD_SDK_PREFIX}/include")
set(STEWARD_SDK_API_MAJOR 1)
set(STEWARD_SDK_API_MINOR 0)
include("${CMAKE_CURRENT_LIST_DIR}/StewardPlugin.cmake")
