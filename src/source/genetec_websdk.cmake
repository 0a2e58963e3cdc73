# The genetec-websdk source (Genetec Security Center Web SDK events and alarms).
target_sources(eventwire PRIVATE ${CMAKE_CURRENT_LIST_DIR}/genetec_websdk_source.cpp)
