eventwire_test(NAME source_missioncontrol SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/missioncontrol_source_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_source_missioncontrol PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../signalr_session)
