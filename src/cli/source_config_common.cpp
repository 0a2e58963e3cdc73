#include "source_config.hpp"

#include "log.hpp"

#include <eventwire/auth/oauth2_token_provider.hpp>
#include <eventwire/net/tls_context.hpp>
#include <eventwire/net/tls_options.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/value.hpp>

#include <cstdio>

namespace eventwire::cli {

namespace asio = boost::asio;
namespace json = boost::json;
using namespace std::chrono_literals;

std::shared_ptr<net::tls_client_context> read_tls(config::object_reader& r) {
  const json::value* v = r.value("tls");
  if (!v) return nullptr;
  config::object_reader t(*v, r.path_of("tls"), r.found());
  net::tls_options o;
  if (auto ca = t.string("ca_file")) o.ca_file = *ca;
  if (auto pin = t.string("pin_sha256")) o.pin_sha256 = *pin;
  if (auto insecure = t.boolean("insecure_skip_verify")) o.insecure_skip_verify = *insecure;
  t.finish();
  if (!t.is_object()) return nullptr;
  std::shared_ptr<net::tls_client_context> context;
  if (auto ec = net::tls_client_context::make(o, context)) {
    r.found().add(r.path_of("tls"), "cannot be used: " + ec.message());
    return nullptr;
  }
  return context;
}

session::reconnect_policy read_reconnect(config::object_reader& r, bool first_at_once) {
  std::chrono::milliseconds first = 1s, cap = 60s;
  double factor = 2.0;
  std::optional<std::uint64_t> attempts;
  if (const json::value* v = r.value("reconnect")) {
    config::object_reader p(*v, r.path_of("reconnect"), r.found());
    if (auto d = p.duration("first_delay")) first = *d;
    if (auto d = p.duration("max_delay")) cap = *d;
    if (auto f = p.number("factor")) {
      if (*f >= 1.0 && *f <= 100.0) {
        factor = *f;
      } else {
        r.found().add(p.path_of("factor"), "must be between 1 and 100");
      }
    }
    attempts = p.unsigned_integer("max_attempts", UINT32_MAX);
    p.finish();
  }
  if (cap < first) cap = first;
  auto policy = session::reconnect_policy::exponential(first, factor, cap);
  if (attempts) policy.max_attempts(static_cast<std::uint32_t>(*attempts));
  if (first_at_once) policy.first_attempt_at_once();
  return policy;
}

void read_http_options(config::object_reader& r, net::http_options& http) {
  if (auto d = r.duration("connect_timeout")) http.connect_timeout = *d;
  if (auto d = r.duration("request_timeout")) http.read_timeout = *d;
}

void read_hub_token(source_context& c, config::object_reader& r, signalr::hub_options& hub) {
  if (auto token = r.secret("token")) {
    hub.access_token = [ex = c.ex, token = *token]() { return token.resolve(ex); };
  }
}

void read_hub_endpoint(source_context& c, config::object_reader& r, signalr::hub_options& hub) {
  if (auto url = r.string("url", true)) hub.url = *url;
  if (auto skip = r.boolean("skip_negotiation")) hub.skip_negotiation = *skip;
  if (auto in_query = r.boolean("token_in_query")) hub.access_token_in_query = *in_query;
  read_hub_token(c, r, hub);
  if (const json::value* headers = r.value("headers")) {
    config::object_reader h(*headers, r.path_of("headers"), r.found());
    if (h.is_object()) {
      for (const auto& member : headers->get_object()) {
        if (auto v = h.string(member.key())) hub.headers.set(member.key(), *v);
      }
    }
    h.finish();
  }
}

void read_hub_options(config::object_reader& r, signalr::hub_options& hub, const std::string& name,
                      bool reconnect_at_once) {
  if (auto d = r.duration("handshake_timeout")) hub.handshake_timeout = *d;
  if (auto d = r.duration("keep_alive_interval")) hub.keep_alive_interval = *d;
  if (auto d = r.duration("server_timeout")) hub.server_timeout = *d;
  hub.tls = read_tls(r);
  hub.reconnect = read_reconnect(r, reconnect_at_once);
  hub.retry_first_start = true;  // a daemon waits for a server that is down at start
  hub.log = [name](signalr::log_level level, std::string_view text) {
    log(static_cast<log_level>(level), name, text);  // the same four levels
  };
}

bool read_url(config::object_reader& r, std::string_view key, std::string_view text, net::url& out) {
  if (auto ec = net::parse_url(text, out)) {
    r.found().add(r.path_of(key), "is not a usable URL: " + ec.message());
    return false;
  }
  return true;
}

std::shared_ptr<auth::token_provider> read_oauth2(source_context& c, config::object_reader& r,
                                                  const std::string& default_token_url, bool required,
                                                  std::shared_ptr<net::tls_client_context> source_tls) {
  const json::value* v = r.value("oauth2", required);
  if (!v) return nullptr;
  config::object_reader o(*v, r.path_of("oauth2"), r.found());
  auth::oauth2_settings s;
  const auto token_url = o.string("token_url", default_token_url.empty());
  if (token_url || !default_token_url.empty()) read_url(o, "token_url", token_url.value_or(default_token_url), s.token_url);
  if (auto grant = o.string("grant")) {
    if (*grant == "client_credentials") {
      s.grant = auth::grant_type::client_credentials;
    } else if (*grant == "password") {
      s.grant = auth::grant_type::password;
    } else if (*grant == "refresh_token") {
      s.grant = auth::grant_type::refresh_token;
    } else {
      r.found().add(o.path_of("grant"), "must be \"client_credentials\", \"password\" or \"refresh_token\"");
    }
  }
  if (auto id = o.string("client_id", true)) s.client_id = *id;
  s.client_secret = o.secret("client_secret");
  if (auto scope = o.string("scope")) s.scope = *scope;
  if (auto user = o.string("username", s.grant == auth::grant_type::password)) s.username = *user;
  s.password = o.secret("password", s.grant == auth::grant_type::password);
  s.refresh_token = o.secret("refresh_token", s.grant == auth::grant_type::refresh_token);
  read_http_options(o, s.http);
  s.http.tls = read_tls(o);
  if (!s.http.tls && !token_url) s.http.tls = std::move(source_tls);  // the source's own server
  o.finish();
  if (!o.is_object()) return nullptr;
  auto provider = std::make_shared<auth::oauth2_token_provider>(c.ex, std::move(s));
  c.resources->push_back(provider);
  return provider;
}

std::optional<std::string> resolve_now(config::object_reader& r, const auth::secret& secret, std::string_view key) {
  // Configs are read before the program's loop runs; a command secret needs a loop of its own.
  asio::io_context io;
  std::error_code failed;
  std::string value;
  asio::co_spawn(io, secret.resolve(io.get_executor()), [&](std::exception_ptr e, std::tuple<std::error_code, std::string> got) {
    if (e) std::rethrow_exception(e);
    failed = std::get<0>(got);
    value = std::move(std::get<1>(got));
  });
  io.run();
  if (failed) {
    r.found().add(r.path_of(key), "cannot be read from " + secret.describe() + ": " + failed.message());
    return std::nullopt;
  }
  return value;
}

}  // namespace eventwire::cli
