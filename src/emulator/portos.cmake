# The Portos emulator: Subscribe/Unsubscribe per connection, short-key OnEvent notifications.
target_sources(eventwire PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/portos_emulator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/portos_render.cpp
  ${CMAKE_CURRENT_LIST_DIR}/portos_state.cpp)
target_link_libraries(eventwire PUBLIC eventwire::codec_portos)
