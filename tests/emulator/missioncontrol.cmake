eventwire_test(NAME emulator_missioncontrol SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/missioncontrol_emulator_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_emulator_missioncontrol PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../signalr_session)
