# The Genetec Security Center Web SDK emulator.
target_sources(eventwire PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/websdk_api.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_emulator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_wire.cpp)
