#pragma once

#include <eventwire/net/tls_context.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace eventwire::net {

// Deadlines and limits of an HTTP client; a zero duration means no deadline.
struct http_options {
  std::chrono::steady_clock::duration connect_timeout = std::chrono::seconds(10);    // DNS + TCP
  std::chrono::steady_clock::duration handshake_timeout = std::chrono::seconds(10);  // TLS
  std::chrono::steady_clock::duration write_timeout = std::chrono::seconds(30);
  // http_client: for the whole response. http_response_stream: for its header, then for each
  // read_some (the longest silence allowed).
  std::chrono::steady_clock::duration read_timeout = std::chrono::seconds(30);
  unsigned max_redirects = 5;                  // hops followed; one more is too_many_redirects
  std::uint64_t body_limit = 8 * 1024 * 1024;  // http_client only; a stream's body is unbounded
  std::uint32_t header_limit = 16 * 1024;
  std::shared_ptr<tls_client_context> tls;  // null: tls_client_context::system_default()
  std::string user_agent = "eventwire";
};

}  // namespace eventwire::net
