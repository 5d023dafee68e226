# `cmake --install build --prefix P` installs the plugin SDK: the headers (P/include/steward/sdk)
# and the StewardSDK package (P/lib/cmake/StewardSDK) so plugins can be built out of tree.
include(CMakePackageConfigHelpers)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/steward/sdk
        DESTINATION include/steward COMPONENT sdk FILES_MATCHING PATTERN "*.hpp")
write_basic_package_version_file(${CMAKE_BINARY_DIR}/StewardSDKConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_SOURCE_DIR}/cmake/StewardSDKConfig.cmake
              ${PROJECT_SOURCE_DIR}/cmake/StewardPlugin.cmake
              ${CMAKE_BINARY_DIR}/StewardSDKConfigVersion.cmake
        DESTINATION lib/cmake/StewardSDK COMPONENT sdk)
