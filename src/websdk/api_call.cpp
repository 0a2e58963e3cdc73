#include "api_call.hpp"

#include <eventwire/websdk/call_answer_decoder.hpp>
#include <eventwire/websdk/stream_error.hpp>

#include <boost/beast/core/detail/base64.hpp>

namespace eventwire::websdk::detail {

namespace http = boost::beast::http;

std::error_code make_api_target(std::string_view url, std::string_view username, std::string_view application_id,
                                std::string_view password, api_target& out) {
  net::url base;
  if (net::parse_url(url, base) || (base.scheme != net::scheme::http && base.scheme != net::scheme::https))
    return stream_error::invalid_url;
  std::string user(username);
  user += ';';
  user += application_id;
  std::string plain = user + ":";
  plain += password;
  namespace base64 = boost::beast::detail::base64;
  std::string encoded(base64::encoded_size(plain.size()), '\0');
  encoded.resize(base64::encode(encoded.data(), plain.data(), plain.size()));
  out.base = std::move(base);
  out.authorization = "Basic " + encoded;
  out.user = std::move(user);
  return {};
}

net::http_request make_api_request(const api_target& target, const request& r, form_body* form) {
  net::http_request out;
  out.method = r.method == http_method::post ? http::verb::post : http::verb::get;
  out.url = net::join_path(target.base, r.target());
  out.headers.set(http::field::authorization, target.authorization);
  out.headers.set(http::field::accept, "text/json");
  if (form) {
    out.headers.set(http::field::content_type, form->content_type);
    out.body = std::move(form->body);
  }
  return out;
}

std::string describe(const request& r) {
  std::string out = method_name(r.method);
  out += " /";
  for (std::size_t i = 0; i < r.path.size(); ++i) {
    if (i) out += '/';
    out += r.path[i];
  }
  return out;
}

boost::asio::awaitable<std::tuple<std::error_code, std::string>> send_api(net::http_client& client,
                                                                         const api_target& target,
                                                                         const request& r, std::string& detail,
                                                                         form_body* form) {
  net::http_request request = make_api_request(target, r, form);
  auto [ec, res] = co_await client.send(std::move(request));
  if (ec) {
    detail = describe(r) + ": " + client.last_error_detail();
    co_return std::tuple{ec, std::string()};
  }
  if (res.result_int() == 401) {
    detail = describe(r) + " answered 401: the Web SDK refused user " + target.user;
    co_return std::tuple{std::error_code(stream_error::unauthorized), std::string()};
  }
  if (res.result_int() != 200) {
    detail = describe(r) + " answered HTTP " + std::to_string(res.result_int());
    co_return std::tuple{std::error_code(stream_error::http_status), std::string()};
  }
  co_return std::tuple{std::error_code(), std::move(res.body())};
}

std::error_code check_answer(std::string_view body, const request& r, call_answer& out, std::string& detail) {
  call_answer_decoder decoder;
  return check_answer(body, r, decoder, out, detail);
}

std::string describe_failure(const request& r, const failure& f) {
  std::string scratch;
  std::string out = describe(r) + " answered Status ";
  out += f.status.decode(scratch);
  if (f.message) {
    out += ": ";
    out += f.message->decode(scratch);
  }
  return out;
}

}  // namespace eventwire::websdk::detail
