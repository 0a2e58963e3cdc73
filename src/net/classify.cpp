#include "detail/classify.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/websocket/error.hpp>

namespace eventwire::net::detail {

std::error_code classify(const boost::system::error_code& ec, error timeout_as) {
  namespace http = boost::beast::http;
  namespace websocket = boost::beast::websocket;
  if (!ec) return {};
  if (ec == boost::beast::error::timeout) return timeout_as;
  if (ec == http::error::body_limit || ec == http::error::buffer_overflow)
    return error::response_too_large;
  if (ec == http::error::header_limit) return error::header_too_large;
  if (ec == websocket::error::message_too_big || ec == websocket::error::buffer_overflow)
    return error::message_too_large;
  if (ec == websocket::error::closed) return error::websocket_closed;
  if (ec == websocket::error::upgrade_declined) return error::upgrade_refused;
  if (ec == http::error::end_of_stream || ec == boost::asio::error::eof ||
      ec == boost::asio::ssl::error::stream_truncated)
    return error::connection_closed;
  return ec;
}

}  // namespace eventwire::net::detail
