eventwire_test(NAME source_portos SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/portos_source_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_source_portos PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../signalr_session)
