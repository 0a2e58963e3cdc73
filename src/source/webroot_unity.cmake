# The webroot-unity source: the Unity poller's pages as batches of normalized events.
target_sources(eventwire PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/webroot_unity_source.cpp)
target_link_libraries(eventwire PUBLIC eventwire::codec_unity)
