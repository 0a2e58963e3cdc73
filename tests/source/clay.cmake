eventwire_test(NAME source_clay SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/clay_source_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_source_clay PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../signalr_session)
