#pragma once

// websdk::client's state, shared by the files that implement its calls.

#include "api_call.hpp"

#include <eventwire/net/http_client.hpp>
#include <eventwire/websdk/client.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <string>
#include <system_error>

namespace eventwire::websdk {

struct client::impl {
  impl(boost::asio::any_io_executor ex, client_options o);

  // Sends `r` (with `form` moved in as its body when given) and decodes the answer into `out` with
  // `decoder`; `out` views `body` and the decoder. Errors as check_answer's; last_error says why.
  template <class Decoder, class Answer>
  boost::asio::awaitable<std::error_code> ask(const request& r, std::string& body, Decoder& decoder, Answer& out,
                                              form_body* form = nullptr) {
    auto [ec, received] = co_await send(r, form);
    if (ec) co_return ec;
    body = std::move(received);
    co_return detail::check_answer(body, r, decoder, out, last_error);
  }
  // The same for the generic answer.
  boost::asio::awaitable<std::error_code> ask(const request& r, std::string& body, call_answer& out,
                                              form_body* form = nullptr);
  // Sends `r` (with `form` as ask's) and checks the generic answer; its Result is not kept.
  boost::asio::awaitable<std::error_code> perform(const request& r, form_body* form = nullptr);
  // The same for the call `calls` (alarm_calls, entity_query) holds, unless building it failed:
  // then `built`, refused as `what`.
  template <class Calls>
  boost::asio::awaitable<std::error_code> perform(std::string_view what, const Calls& calls, std::error_code built) {
    if (built) co_return refuse(what, built);
    const request r = calls.to_request();
    co_return co_await perform(r);
  }
  // Sends `r`; the answer's body, or an error (the URL's, the transport's, the HTTP status).
  boost::asio::awaitable<std::tuple<std::error_code, std::string>> send(const request& r,
                                                                       form_body* form = nullptr);
  // Records why a call could not be built and returns `built`.
  std::error_code refuse(std::string_view call, std::error_code built);

  client_options options;
  net::http_client http;
  detail::api_target target;
  std::error_code url_error;
  std::string last_error;
};

}  // namespace eventwire::websdk
