#pragma once

#include <eventwire/signalr/hub_options.hpp>
#include <eventwire/source/source.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <memory>
#include <string>
#include <vector>

namespace eventwire::source {

struct signalr_source_options {
  std::string name;  // the source's name: events say "eventwire/<name>"
  signalr::hub_options hub;
  // The hub methods the server invokes; each invocation becomes one event of type
  // `signalr.<method>` whose data is the invocation's arguments array.
  std::vector<std::string> methods;
};

// The generic SignalR source: any ASP.NET Core SignalR hub, any methods.
class signalr_source final : public source {
 public:
  signalr_source(boost::asio::any_io_executor ex, signalr_source_options options);
  ~signalr_source() override;

  const std::string& name() const noexcept override;
  boost::asio::awaitable<std::error_code> run(event::delivery& out) override;
  boost::asio::awaitable<void> stop() override;
  const source_statistics& statistics() const noexcept override;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace eventwire::source
