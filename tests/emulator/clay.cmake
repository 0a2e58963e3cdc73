eventwire_test(NAME emulator_clay SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/clay_emulator_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_emulator_clay PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../signalr_session)
