eventwire_test(NAME emulator_websdk SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/websdk_emulator_entity_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_emulator_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_emulator_websdk PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../websdk_session)
