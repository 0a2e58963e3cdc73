#pragma once

// An OAuth2 token endpoint in the manner of IdentityServer, served by the emulator server base on
// loopback, with knobs for the failures a provider must survive.

#include "net_testing.hpp"

#include <eventwire/emulator/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/detail/base64.hpp>
#include <boost/beast/http/field.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eventwire::testing {

inline std::string form_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

inline std::map<std::string, std::string> form_fields(std::string_view body) {
  std::map<std::string, std::string> fields;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const auto pair = body.substr(0, amp);
    const auto eq = pair.find('=');
    fields[form_decode(pair.substr(0, eq))] =
        eq == std::string_view::npos ? "" : form_decode(pair.substr(eq + 1));
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
  }
  return fields;
}

// client_id and client_secret from a Basic header: base64, then each part form-decoded.
inline std::pair<std::string, std::string> basic_credentials(std::string_view header) {
  if (!header.starts_with("Basic ")) return {};
  header.remove_prefix(6);
  std::string decoded(boost::beast::detail::base64::decoded_size(header.size()), '\0');
  auto [written, read] =
      boost::beast::detail::base64::decode(decoded.data(), header.data(), header.size());
  decoded.resize(written);
  const auto colon = decoded.find(':');
  if (colon == std::string::npos) return {};
  return {form_decode(decoded.substr(0, colon)), form_decode(decoded.substr(colon + 1))};
}

class token_endpoint {
 public:
  struct seen {
    std::map<std::string, std::string> form;
    std::string authorization;
    std::string content_type;
    std::string accept;
    std::string grant() const { return form.count("grant_type") ? form.at("grant_type") : ""; }
  };

  std::string client_id = "eventwire";
  std::string client_secret = "s3cr3t &=+%/value";
  std::string username = "operator";
  std::string password = "pa ss&word";
  long expires_in = 300;
  bool issue_refresh_tokens = false;
  bool refuse_refresh_tokens = false;  // every refresh_token grant: invalid_grant
  std::string token_type = "Bearer";
  // Answers every request with this status and body instead.
  std::optional<std::pair<boost::beast::http::status, std::string>> canned;
  gate* hold = nullptr;  // requests wait here until it opens

  std::vector<seen> requests;
  std::vector<std::string> refresh_tokens_issued;

  explicit token_endpoint(boost::asio::io_context& io)
      : server_(io.get_executor(),
                [this](emulator::request& req, emulator::connection&) { return answer(req); }) {}

  emulator::server& server() { return server_; }
  net::url url() const { return server_.url("/connect/token"); }

 private:
  boost::asio::awaitable<std::optional<emulator::response>> answer(emulator::request& req) {
    namespace http = boost::beast::http;
    seen s{form_fields(req.body()), std::string(req[http::field::authorization]),
           std::string(req[http::field::content_type]), std::string(req[http::field::accept])};
    requests.push_back(s);
    if (hold) co_await hold->wait();
    if (canned) co_return json(canned->first, canned->second);

    auto [id, secret] = basic_credentials(s.authorization);
    if (s.authorization.empty()) {
      id = s.form["client_id"];
      secret = s.form["client_secret"];
    }
    if (id != client_id || secret != client_secret)
      co_return oauth2_error(http::status::unauthorized, "invalid_client", "Invalid client");

    const auto grant = s.grant();
    if (grant == "password") {
      if (s.form["username"] != username || s.form["password"] != password)
        co_return oauth2_error(http::status::bad_request, "invalid_grant",
                               "invalid_username_or_password");
    } else if (grant == "refresh_token") {
      const auto& offered = s.form["refresh_token"];
      const bool known = std::find(refresh_tokens_issued.begin(), refresh_tokens_issued.end(),
                                   offered) != refresh_tokens_issued.end();
      if (refuse_refresh_tokens || !known)
        co_return oauth2_error(http::status::bad_request, "invalid_grant", "Invalid refresh token");
    } else if (grant != "client_credentials") {
      co_return oauth2_error(http::status::bad_request, "unsupported_grant_type", "");
    }

    const auto n = std::to_string(requests.size());
    std::string body = R"({"access_token":"access-)" + n + R"(","expires_in":)" +
                       std::to_string(expires_in) + R"(,"token_type":")" + token_type +
                       R"(","scope":"unity.read")";
    if (issue_refresh_tokens) {
      refresh_tokens_issued.push_back("refresh-" + n);
      body += R"(,"refresh_token":"refresh-)" + n + '"';
    }
    co_return json(http::status::ok, body + "}");
  }

  static emulator::response json(boost::beast::http::status status, std::string body) {
    emulator::response res(status, 11);
    res.set(boost::beast::http::field::content_type, "application/json");
    res.set(boost::beast::http::field::cache_control, "no-store");
    res.body() = std::move(body);
    return res;
  }

  static emulator::response oauth2_error(boost::beast::http::status status, std::string_view error,
                                         std::string_view description) {
    std::string body = R"({"error":")" + std::string(error) + '"';
    if (!description.empty()) body += R"(,"error_description":")" + std::string(description) + '"';
    return json(status, body + "}");
  }

  emulator::server server_;
};

// A wall clock that moves only when a test moves it.
struct manual_clock {
  std::chrono::system_clock::time_point at =
      std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
  std::function<std::chrono::system_clock::time_point()> function() {
    return [this] { return at; };
  }
};

}  // namespace eventwire::testing
