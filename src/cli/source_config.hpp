#pragma once

#include <eventwire/auth/token_provider.hpp>
#include <eventwire/config/object_reader.hpp>
#include <eventwire/net/http_options.hpp>
#include <eventwire/net/tls_context.hpp>
#include <eventwire/net/url.hpp>
#include <eventwire/session/reconnect_policy.hpp>
#include <eventwire/signalr/hub_options.hpp>
#include <eventwire/source/source.hpp>
#include <eventwire/state/checkpoint_store.hpp>
#include <eventwire/websdk/event_stream_options.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <memory>
#include <string>
#include <vector>

namespace eventwire::cli {

// What every source builder shares: the executor, the checkpoint store (null when the config has
// none) and a place for what the sources refer to (token providers), which must outlive them.
struct source_context {
  boost::asio::any_io_executor ex;
  state::checkpoint_store* checkpoints = nullptr;
  std::vector<std::shared_ptr<void>>* resources = nullptr;
  bool dry_run = false;  // `check`: write nothing (no ClientId is stored)
};

// One builder per `type` of source. Each reads its members from `r` (recording problems with
// their paths) and returns the source, or null when a problem was recorded.
std::unique_ptr<source::source> build_signalr_source(source_context& c, config::object_reader& r, std::string name);
std::unique_ptr<source::source> build_portos_source(source_context& c, config::object_reader& r, std::string name);
std::unique_ptr<source::source> build_clay_source(source_context& c, config::object_reader& r, std::string name);
std::unique_ptr<source::source> build_missioncontrol_source(source_context& c, config::object_reader& r,
                                                            std::string name);
std::unique_ptr<source::source> build_websdk_source(source_context& c, config::object_reader& r, std::string name);
std::unique_ptr<source::source> build_unity_source(source_context& c, config::object_reader& r, std::string name);

// The members of a `genetec-websdk` source (connection, credentials with the password read now,
// subscriptions, timeouts): what build_websdk_source builds its stream from, and what the
// `websdk` commands connect with.
websdk::event_stream_options read_websdk_stream(config::object_reader& r);

// --- members several types share ---------------------------------------------------------

// "tls": {"ca_file", "pin_sha256", "insecure_skip_verify"}; null: the system's trust store.
std::shared_ptr<net::tls_client_context> read_tls(config::object_reader& r);

// "reconnect": {"first_delay", "max_delay", "factor", "max_attempts"}. A daemon's default: retry
// forever, 1 s doubling up to 60 s, with jitter. `first_at_once`: the first attempt after a loss
// starts without delay (for servers that close every connection on schedule).
session::reconnect_policy read_reconnect(config::object_reader& r, bool first_at_once = false);

// handshake_timeout, keep_alive_interval, server_timeout, tls, reconnect, and the hub's log lines
// into the program's log under the source's name.
void read_hub_options(config::object_reader& r, signalr::hub_options& hub, const std::string& name,
                      bool reconnect_at_once = false);

// "token": a secret read before every connect, as the hub's bearer token.
void read_hub_token(source_context& c, config::object_reader& r, signalr::hub_options& hub);

// Where a hub is and how to reach it: url, token, token_in_query, skip_negotiation, headers.
void read_hub_endpoint(source_context& c, config::object_reader& r, signalr::hub_options& hub);

// "oauth2": {"token_url", "grant", "client_id", "client_secret", "scope", "username", "password",
// "refresh_token"}: a token provider kept in c.resources; null when absent (a problem when
// `required`) or invalid. `default_token_url` is used when token_url is absent (empty: token_url
// is required); the token endpoint then is the source's own server, so without a "tls" of its own
// the oauth2 object takes `source_tls` (the source's pin or CA file).
std::shared_ptr<auth::token_provider> read_oauth2(source_context& c, config::object_reader& r,
                                                  const std::string& default_token_url = {}, bool required = false,
                                                  std::shared_ptr<net::tls_client_context> source_tls = nullptr);

// Parses `text` (the member `key`) into `out`, recording a problem when it is not a URL.
bool read_url(config::object_reader& r, std::string_view key, std::string_view text, net::url& out);

// connect_timeout and request_timeout of plain HTTP sessions.
void read_http_options(config::object_reader& r, net::http_options& http);

// The secret's value now (env, file or command), for the APIs that take a plain string; records
// a problem and returns nullopt when it cannot be read.
std::optional<std::string> resolve_now(config::object_reader& r, const auth::secret& secret, std::string_view key);

}  // namespace eventwire::cli
