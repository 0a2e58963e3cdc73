#pragma once

#include <eventwire/auth/token_provider.hpp>
#include <eventwire/source/source.hpp>
#include <eventwire/state/checkpoint_store.hpp>
#include <eventwire/unity/poller.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>
#include <string>
#include <system_error>

namespace eventwire::source {

struct webroot_unity_options {
  std::string name;  // the source name ("eventwire/<name>")
  // base_url, subscription_id, poll interval, first position, rejected-position policy, retry,
  // HTTP. An empty checkpoint_key becomes "<name>/position".
  unity::poller_options poller;
};

// The `webroot-unity` source: a unity::poller whose every page becomes one batch, one event per
// notification:
//   type  "webroot.unity.<EventType>"   id    UnityAPIEventId
//   time  the event object's Timestamp  data  the event object (the member EventObjectName
//                                             names) as it was sent
//   subject none (the event object stays undecoded)
// The page's NextPosition is stored only after delivery.acknowledged() for its batch, so a
// crash delivers at most that page again, with the same ids.
class webroot_unity_source final : public source {
 public:
  // `tokens` and `checkpoints` must outlive the source.
  webroot_unity_source(boost::asio::any_io_executor ex, webroot_unity_options options,
                       auth::token_provider& tokens, state::checkpoint_store& checkpoints);
  ~webroot_unity_source() override;

  const std::string& name() const noexcept override;
  boost::asio::awaitable<std::error_code> run(event::delivery& out) override;
  boost::asio::awaitable<void> stop() override;
  const source_statistics& statistics() const noexcept override;

  // The session, for its own counters, position and last error.
  const unity::poller& session() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace eventwire::source
