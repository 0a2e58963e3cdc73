eventwire_test(NAME source_genetec_websdk SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/genetec_websdk_source_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_source_genetec_websdk PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../websdk_session)
