#pragma once

#include <eventwire/net/url.hpp>

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>

#include <string>

namespace eventwire::net {

// What an HTTP client sends. Host, User-Agent (unless given) and Content-Length are set by the
// client; Authorization and Cookie are dropped when a redirect leads to another host.
struct http_request {
  boost::beast::http::verb method = boost::beast::http::verb::get;
  net::url url;
  boost::beast::http::fields headers;
  std::string body;
};

using http_response = boost::beast::http::response<boost::beast::http::string_body>;

}  // namespace eventwire::net
