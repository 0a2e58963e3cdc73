# The SALTO Clay emulator: /hub/incident and /hub/entry, collectionId filter, double-encoded messages.
target_sources(eventwire PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/clay_emulator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/clay_render.cpp)
target_link_libraries(eventwire PUBLIC eventwire::codec_clay)
