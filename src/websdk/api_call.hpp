#pragma once

// One Web SDK call over HTTP, shared by event_stream and client: the request with Basic
// credentials, the HTTP status judged (401 unauthorized, else 200 expected), the Rsp envelope
// checked. Details are log-safe: the user name, never the password.

#include <eventwire/net/http_client.hpp>
#include <eventwire/net/url.hpp>
#include <eventwire/websdk/call_answer.hpp>
#include <eventwire/websdk/custom_event_payload.hpp>
#include <eventwire/websdk/failure.hpp>
#include <eventwire/websdk/request.hpp>
#include <eventwire/websdk/stream_error.hpp>

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

// `form`, when given, is moved into the request's body (RaiseCustomEvent's hidden payload).
net::http_request make_api_request(const api_target& target, const request& r, form_body* form = nullptr);
std::string describe(const request& r);  // "GET /events/subscribe"

// Sends `r` (with `form` moved in as its body when given); the body when the status is 200. Errors:
// stream_error::unauthorized, http_status, or the client's.
boost::asio::awaitable<std::tuple<std::error_code, std::string>> send_api(net::http_client& client,
                                                                         const api_target& target,
                                                                         const request& r,
                                                                         std::string& detail,
                                                                         form_body* form = nullptr);

// "GET /alarm answered Status Fail: <the server's text>".
std::string describe_failure(const request& r, const failure& f);

// Decodes the generic answer; Status other than Ok is stream_error::call_failed with the
// server's text in `detail`. `out` views `body`.
std::error_code check_answer(std::string_view body, const request& r, call_answer& out, std::string& detail);

// The same with a decoder of a specific answer (custom_events_decoder, active_alarms_decoder).
template <class Decoder, class Answer>
std::error_code check_answer(std::string_view body, const request& r, Decoder& decoder, Answer& out,
                             std::string& detail) {
  if (const std::error_code ec = decoder.decode(body, out)) {
    detail = describe(r) + ": " + decoder.describe_error();
    return ec;
  }
  if (out.failed) {
    detail = describe_failure(r, *out.failed);
    return stream_error::call_failed;
  }
  return {};
}

}  // namespace eventwire::websdk::detail
