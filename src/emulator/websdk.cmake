# The Genetec Security Center Web SDK emulator.
target_sources(eventwire PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/websdk_alarm_calls.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_api.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_custom_events.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_emulator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_entity.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_recipients.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/websdk_wire.cpp)
