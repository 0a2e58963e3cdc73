eventwire_test(NAME emulator_portos SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/portos_emulator_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_emulator_portos PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../signalr_session)
