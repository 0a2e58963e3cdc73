# The Genetec Mission Control emulator: WebToken endpoint, ClientId tracking, expiring tokens.
target_sources(eventwire PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/missioncontrol_emulator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/missioncontrol_render.cpp)
target_link_libraries(eventwire PUBLIC eventwire::codec_missioncontrol)
