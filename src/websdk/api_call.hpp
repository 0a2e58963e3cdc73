#pragma once

// One Web SDK call over HTTP, shared by event_stream and client: the request with Basic
// credentials, the HTTP status judged (401 unauthorized, else 200 expected), the Rsp envelope
// checked. Details are log-safe: the user name, never the password.

#include <eventwire/net/http_client.hpp>
#include <eventwire/net/url.hpp>
#include <eventwire/websdk/call_answer.hpp>
#include <eventwire/websdk/request.hpp>

#include <boost/asio/awaitable.hpp>

#include <string>
#include <string_view>
#include <system_error>
#include <tuple>

namespace eventwire::websdk::detail {

struct api_target {
  net::url base;              // http(s)://host:4590/WebSdk
  std::string authorization;  // "Basic ..."
  std::string user;           // user;appid, for error texts
};

// Parses the base URL (http or https only) and makes the Basic credentials.
std::error_code make_api_target(std::string_view url, std::string_view username,
                                std::string_view application_id, std::string_view password,
                                api_target& out);

net::http_request make_api_request(const api_target& target, const request& r);
std::string describe(const request& r);  // "GET /events/subscribe"

// Sends `r`; the body when the status is 200. Errors: stream_error::unauthorized, http_status,
// or the client's.
boost::asio::awaitable<std::tuple<std::error_code, std::string>> send_api(net::http_client& client,
                                                                         const api_target& target,
                                                                         const request& r,
                                                                         std::string& detail);

// Decodes the generic answer; Status other than Ok is stream_error::call_failed with the
// server's text in `detail`. `out` views `body`.
std::error_code check_answer(std::string_view body, const request& r, call_answer& out, std::string& detail);

}  // namespace eventwire::websdk::detail
