# `cmake --install`: the eventwire program, the libraries with their headers, a CMake package
# (find_package(eventwire) gives eventwire::eventwire and eventwire::codec_<name>) and a pkg-config
# file, so a service can be built on the library. docs/consumer-example uses both.

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(_codec_targets)
foreach(part IN LISTS EVENTWIRE_CODECS)
  list(APPEND _codec_targets eventwire_codec_${part})
endforeach()
set_target_properties(eventwire_flags PROPERTIES EXPORT_NAME flags)

install(TARGETS eventwire eventwire_asio eventwire_flags ${_codec_targets}
  EXPORT eventwireTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET eventwire_program)
  install(TARGETS eventwire_program RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY ${EVENTWIRE_ROOT}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
foreach(part IN LISTS EVENTWIRE_CODECS)
  install(DIRECTORY ${EVENTWIRE_ROOT}/codecs/${part}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endforeach()
install(FILES ${EVENTWIRE_ROOT}/README.md ${EVENTWIRE_ROOT}/docs/eventwire.service
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/eventwire)
install(EXPORT eventwireTargets NAMESPACE eventwire:: DESTINATION ${_cmake_dir})
configure_package_config_file(${EVENTWIRE_ROOT}/cmake/eventwireConfig.cmake.in
  ${PROJECT_BINARY_DIR}/eventwireConfig.cmake INSTALL_DESTINATION ${_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/eventwireConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/eventwireConfig.cmake ${PROJECT_BINARY_DIR}/eventwireConfigVersion.cmake
  DESTINATION ${_cmake_dir})

# pkg-config: static libraries, so every dependency is listed in link order.
set(_pc_libs "-leventwire")
foreach(part IN LISTS EVENTWIRE_CODECS)
  if(NOT part STREQUAL "core")
    string(APPEND _pc_libs " -leventwire_codec_${part}")
  endif()
endforeach()
string(APPEND _pc_libs " -leventwire_codec_core -leventwire_asio")  # what the others use, last
configure_file(${EVENTWIRE_ROOT}/cmake/eventwire.pc.in ${PROJECT_BINARY_DIR}/eventwire.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/eventwire.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
