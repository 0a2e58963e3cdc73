#pragma once

#include <eventwire/websocket/close_payload.hpp>

#include <iosfwd>
#include <string_view>

namespace eventwire::websocket {

enum class event_kind : unsigned char {
  message,  // a whole text or binary message, reassembled from its fragments
  ping,     // a Ping: answer with a Pong carrying the same payload
  pong,
  close,    // a Close: the peer sends nothing after it
};

struct event {
  event_kind kind = event_kind::message;
  bool text = false;         // message only: text (valid UTF-8) or binary
  std::string_view payload;  // the message, or the control frame's payload
  close_payload close;       // close only: its code and reason (a view into payload)
};

std::ostream& operator<<(std::ostream& os, event_kind k);
std::ostream& operator<<(std::ostream& os, const event& e);

}  // namespace eventwire::websocket
