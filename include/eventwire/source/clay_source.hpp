#pragma once

#include <eventwire/auth/token_provider.hpp>
#include <eventwire/clay/hub.hpp>
#include <eventwire/clay/message_decoder.hpp>
#include <eventwire/signalr/hub_options.hpp>
#include <eventwire/source/source.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>
#include <optional>
#include <string>
#include <system_error>

namespace eventwire::source {

struct clay_options {
  std::string name;  // the source name ("eventwire/<name>")
  // The hub: url (https://coreapi.my-clay.com/hub/incident or /hub/entry), TLS, reconnect.
  // skip_negotiation and access_token_in_query are always set (the seed's way to connect); the
  // token also goes out as `Authorization: Bearer` (hub_connection always sends it).
  signalr::hub_options hub;
  // Which hub the URL is; none: the URL path's last segment ("incident" or "entry").
  std::optional<clay::hub> kind;
  // Only this collection's (site's) messages: the `collectionId` query parameter. Empty: all.
  std::string collection_id;
  // Where the token comes from (static, or an IdentityServer token endpoint through
  // auth::oauth2_token_provider); used when hub.access_token is empty. Must outlive the source.
  std::shared_ptr<auth::token_provider> token;
  clay::message_decoder::options decoder{};
};

struct clay_statistics {
  std::uint64_t decode_errors = 0;  // messages that did not decode (logged, skipped)
};

// The `clay` source: one hub_connection to /hub/incident or /hub/entry, negotiation skipped,
// the token in the access_token query parameter, `ReceiveMessage` decoded by
// clay::message_decoder (both layers; the unescaped message lands in one reusable buffer).
// Each message becomes one event:
//   type    "clay.incident" or "clay.entry" (the hub's)
//   id      the message's `id` when it has one, else the stable hash of the message
//   subject the message's collectionId (the site), if any
//   time    the message's `time`, if any;  data  the message object as it is
class clay_source final : public source {
 public:
  clay_source(boost::asio::any_io_executor ex, clay_options options);
  ~clay_source() override;

  const std::string& name() const noexcept override;
  // Fails with std::errc::invalid_argument when the hub kind cannot be told from the URL.
  boost::asio::awaitable<std::error_code> run(event::delivery& out) override;
  boost::asio::awaitable<void> stop() override;
  const source_statistics& statistics() const noexcept override;
  const clay_statistics& clay_counters() const noexcept;

  struct impl;

 private:
  std::shared_ptr<impl> impl_;
};

// The hub URL with `collectionId` added to its query (percent-encoded); `url` when empty.
std::string clay_hub_url(std::string_view url, std::string_view collection_id);
// The hub named by the URL path's last segment, if it is "incident" or "entry".
std::optional<clay::hub> clay_hub_of(std::string_view url);

}  // namespace eventwire::source
