eventwire_test(NAME source_webroot_unity SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/webroot_unity/webroot_unity_source_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_source_webroot_unity PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../unity_session)

# kill -9 at random moments while draining 100,000 notifications (about 30 s).
eventwire_test(NAME source_webroot_unity_crash SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/webroot_unity/crash_test.cpp
  LIBS eventwire::eventwire)
target_include_directories(test_source_webroot_unity_crash PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../unity_session)
