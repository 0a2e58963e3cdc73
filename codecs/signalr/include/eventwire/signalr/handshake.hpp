#pragma once

#include <eventwire/codec/feed_result.hpp>
#include <eventwire/signalr/record_framer.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::signalr {

// Appends the JSON hub protocol handshake request, {"protocol":"json","version":N} and 0x1E.
// Version 2 is for connections that negotiated stateful reconnect.
void append_handshake_request(std::string& out, int version = 1);

// Reads the server's handshake response from the start of the byte stream, incrementally.
// Success is {} + 0x1E (unknown keys are ignored); {"error":"..."} is error::handshake_rejected
// with the server's text in server_error(); a response with a "type" key is a hub message, not a
// handshake response. Bytes after the response's 0x1E are not consumed: they are hub messages for
// the record_framer. server_error() is owned by the decoder and lives until reset().
class handshake_decoder {
 public:
  static constexpr std::size_t default_max_response_size = 16 * 1024;

  // Largest response accepted, in bytes, without its separator.
  std::size_t max_response_size = default_max_response_size;

  // status::event once the response is complete and says yes (consumed ends at its separator);
  // status::need_more while it is incomplete; status::error otherwise. After success, feed()
  // consumes nothing and returns status::event again.
  codec::feed_result feed(std::string_view input);

  // The input has ended: an error unless the handshake succeeded.
  std::error_code finish();

  bool succeeded() const noexcept { return succeeded_; }
  std::error_code error() const noexcept { return error_; }
  // The server's reason when error() is error::handshake_rejected, decoded.
  std::string_view server_error() const noexcept { return server_error_; }

  void reset() noexcept;

 private:
  codec::feed_result fail(std::error_code ec);
  std::error_code interpret(std::string_view response);

  record_framer framer_;
  std::string server_error_;
  bool succeeded_ = false;
  std::error_code error_;
};

}  // namespace eventwire::signalr
