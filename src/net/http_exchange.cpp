#include "detail/http_exchange.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/net/redact.hpp>

namespace eventwire::net::detail {

namespace http = boost::beast::http;

void arm(boost::beast::tcp_stream& tcp, std::chrono::steady_clock::duration timeout) {
  if (timeout == std::chrono::steady_clock::duration::zero())
    tcp.expires_never();
  else
    tcp.expires_after(timeout);
}

connect_options connect_options_of(const http_options& options) {
  return {options.connect_timeout, options.handshake_timeout, options.tls};
}

http::request<http::string_body> make_message(const http_request& request,
                                              const http_options& options) {
  http::request<http::string_body> message(request.method, request.url.target(), 11);
  for (const auto& field : request.headers) message.insert(field.name_string(), field.value());
  message.set(http::field::host, request.url.host_header());
  if (message.find(http::field::user_agent) == message.end())
    message.set(http::field::user_agent, options.user_agent);
  message.keep_alive(true);
  message.body() = request.body;
  message.prepare_payload();
  return message;
}

bool is_redirect(unsigned status) noexcept {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool same_origin(const url& a, const url& b) noexcept {
  return a.secure() == b.secure() && a.host == b.host && a.port == b.port;
}

std::error_code follow_redirect(http_request& request, unsigned status, std::string_view location,
                                std::string& detail) {
  url next;
  if (location.empty() || resolve_reference(request.url, location, next)) {
    detail = "redirect " + std::to_string(status) + " from " + redact(request.url) +
             " has no usable Location";
    return error::redirect_without_location;
  }
  if (request.url.secure() && !next.secure()) {
    detail = "redirect from " + redact(request.url) + " to " + redact(next) + " refused";
    return error::insecure_redirect;
  }
  if (next.host != request.url.host) {
    request.headers.erase(http::field::authorization);
    request.headers.erase(http::field::cookie);
  }
  const bool becomes_get = (status == 303 && request.method != http::verb::head) ||
                           ((status == 301 || status == 302) && request.method == http::verb::post);
  if (becomes_get) {
    request.method = http::verb::get;
    request.body.clear();
    request.headers.erase(http::field::content_type);
    request.headers.erase(http::field::content_length);
  }
  request.url = std::move(next);
  return {};
}

}  // namespace eventwire::net::detail
