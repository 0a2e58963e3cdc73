# The SALTO Clay source: SignalR hub_connection (negotiation skipped) + the ReceiveMessage codec.
target_sources(eventwire PRIVATE ${CMAKE_CURRENT_LIST_DIR}/clay_source.cpp)
target_link_libraries(eventwire PUBLIC eventwire::codec_clay)
