#pragma once

#include <eventwire/net/http_request.hpp>
#include <eventwire/net/url.hpp>

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>

#include <string>
#include <string_view>
#include <system_error>

// The opening handshake of RFC 6455 section 4, without I/O: the request a client sends and the
// checks its answer must pass.
namespace eventwire::net::detail {

class mask_key_source;

// A Sec-WebSocket-Key: 16 random bytes in base64.
std::string make_websocket_key(mask_key_source& random);

// The Sec-WebSocket-Accept a server must answer `key` with: base64(SHA-1(key + the RFC's GUID)).
std::string websocket_accept_for(std::string_view key);

// GET target with Host, User-Agent and `headers` (which may replace those two), then the fields
// the upgrade needs, which they may not.
boost::beast::http::request<boost::beast::http::empty_body> make_upgrade_request(
    const url& target, const boost::beast::http::fields& headers, std::string_view key,
    std::string_view user_agent);

// net::error::upgrade_refused for any status but 101; net::error::upgrade_invalid for a 101
// without "Upgrade: websocket", a Connection naming "upgrade" and the right
// Sec-WebSocket-Accept, or with an extension or subprotocol nobody asked for. `detail` gets
// what was wrong.
std::error_code check_upgrade_response(const http_response& response, std::string_view key,
                                       const boost::beast::http::fields& request_headers, std::string& detail);

}  // namespace eventwire::net::detail
