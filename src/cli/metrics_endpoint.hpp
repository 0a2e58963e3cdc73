#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace eventwire::cli {

// "127.0.0.1:9464", "[::1]:9464" or "0.0.0.0:9464"; nullopt when it is not an address and port.
std::optional<boost::asio::ip::tcp::endpoint> parse_listen_address(std::string_view text);

// An HTTP/1.1 endpoint that answers GET /metrics with `render()` (Prometheus text format) and
// anything else with 404, until stop(). Requests are small and bounded (8 KiB); a connection
// idle for 30 s is closed.
class metrics_endpoint {
 public:
  // Throws boost::system::system_error when the address cannot be bound.
  metrics_endpoint(boost::asio::any_io_executor ex, const boost::asio::ip::tcp::endpoint& where,
                   std::function<std::string()> render);
  ~metrics_endpoint();
  metrics_endpoint(const metrics_endpoint&) = delete;
  metrics_endpoint& operator=(const metrics_endpoint&) = delete;

  boost::asio::ip::tcp::endpoint local_endpoint() const;
  // Stops accepting and closes every connection.
  void stop() noexcept;

  struct state;

 private:
  std::shared_ptr<state> state_;
};

}  // namespace eventwire::cli
