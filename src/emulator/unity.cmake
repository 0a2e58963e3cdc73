# The Webroot Unity emulator: subscriptions, positions, paged fetches, tokens, fault knobs.
target_sources(eventwire PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/unity_emulator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unity_render.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unity_state.cpp)
target_link_libraries(eventwire PUBLIC eventwire::codec_unity)
