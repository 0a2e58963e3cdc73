# The Portos source: SignalR hub_connection + the short-key notification codec.
target_sources(eventwire PRIVATE ${CMAKE_CURRENT_LIST_DIR}/portos_source.cpp)
target_link_libraries(eventwire PUBLIC eventwire::codec_portos)
