#pragma once

#include <ostream>
#include <system_error>
#include <type_traits>

namespace eventwire::sink {

// Why a NATS JetStream write failed; nats_sink::last_error() has the server's own words.
enum class nats_error {
  connect_failed = 1,     // no connection to the server (address, token, server down)
  jetstream_unavailable,  // connected, but JetStream is not enabled for this account
  stream_not_created,     // create_stream is on and the stream could not be created
  publish_failed,         // the client refused a message (e.g. the connection broke)
  not_acknowledged,       // JetStream did not acknowledge every event within ack_timeout
  refused,                // JetStream answered an event with an error (e.g. no stream for the subject)
  token_unavailable,      // the configured token secret could not be read
};

const std::error_category& nats_error_category() noexcept;

inline std::error_code make_error_code(nats_error e) noexcept {
  return {static_cast<int>(e), nats_error_category()};
}

std::ostream& operator<<(std::ostream& os, nats_error e);

}  // namespace eventwire::sink

template <>
struct std::is_error_code_enum<eventwire::sink::nats_error> : std::true_type {};
