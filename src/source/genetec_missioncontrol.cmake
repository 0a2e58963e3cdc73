# The Genetec Mission Control source: web token (Basic + ClientId) + SignalR IncidentNotification.
target_sources(eventwire PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/genetec_missioncontrol_error.cpp
  ${CMAKE_CURRENT_LIST_DIR}/genetec_missioncontrol_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/genetec_missioncontrol_token.cpp)
target_link_libraries(eventwire PUBLIC eventwire::codec_missioncontrol)
