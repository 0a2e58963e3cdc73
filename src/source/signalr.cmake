target_sources(eventwire PRIVATE ${CMAKE_CURRENT_LIST_DIR}/signalr_source.cpp)
