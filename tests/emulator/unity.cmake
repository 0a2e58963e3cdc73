eventwire_test(NAME emulator_unity SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/unity/unity_emulator_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_emulator_unity PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../unity_session)
