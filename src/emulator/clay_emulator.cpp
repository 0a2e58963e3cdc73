#include <eventwire/emulator/clay_emulator.hpp>

#include "clay_render.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace eventwire::emulator {
namespace {

std::unique_ptr<signalr_hub> make_hub(boost::asio::any_io_executor ex, const clay_emulator_options& options,
                                      clay::hub h) {
  signalr_hub_options o = options.hub;
  o.path = "/hub/" + std::string(clay::hub_name(h));
  if (h == clay::hub::entry) o.port = options.entry_port;
  if (!options.access_token.empty() && !o.token_check) o.access_token = options.access_token;
  return std::make_unique<signalr_hub>(std::move(ex), std::move(o));
}

}  // namespace

clay_emulator::clay_emulator(boost::asio::any_io_executor ex, clay_emulator_options options)
    : options_(std::move(options)),
      incident_(make_hub(ex, options_, clay::hub::incident)),
      entry_(make_hub(ex, options_, clay::hub::entry)) {}

clay_emulator::~clay_emulator() = default;

signalr_hub& clay_emulator::hub(clay::hub h) noexcept { return h == clay::hub::incident ? *incident_ : *entry_; }

std::string clay_emulator::url(clay::hub h) const {
  return h == clay::hub::incident ? incident_->url() : entry_->url();
}

std::string clay_emulator::collection_of(const signalr_connection_info& connection) {
  return detail::clay_query_parameter(connection.query, "collectionId");
}

bool clay_emulator::token_in_query(const signalr_connection_info& connection) {
  return !connection.access_token.empty() &&
         detail::clay_query_parameter(connection.query, "access_token") == connection.access_token;
}

std::size_t clay_emulator::send(clay::hub h, const clay_message& message) {
  const std::string id = message.id.empty() ? "M" + std::to_string(++next_id_) : message.id;
  detail::render_clay_message(scratch_, arguments_, h, message, id, std::chrono::system_clock::now());
  auto& target = hub(h);
  std::size_t n = 0;
  for (const auto& c : target.connections()) {
    if (!c.handshaken) continue;
    const std::string wanted = collection_of(c);
    if (!wanted.empty() && wanted != message.collection_id) continue;
    if (target.send_to(c.id, "ReceiveMessage", arguments_)) ++n;
  }
  sent_ += n;
  return n;
}

std::size_t clay_emulator::send_numbered(clay::hub h, std::uint64_t i) {
  clay_message m;
  m.id = (h == clay::hub::incident ? "M" : "E") + std::to_string(i);
  m.collection_id = options_.collections.empty() ? std::string("site-1")
                                                  : options_.collections[i % options_.collections.size()];
  return send(h, m);
}

boost::asio::awaitable<std::uint64_t> clay_emulator::generate(clay::hub h, std::uint64_t count,
                                                              double rate_per_second) {
  boost::asio::steady_timer pace(co_await boost::asio::this_coro::executor);
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t delivered = 0;
  clay_message m;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (rate_per_second > 0 && i > 0) {
      pace.expires_at(start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                  std::chrono::duration<double>(static_cast<double>(i) / rate_per_second)));
      auto [ec] = co_await pace.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
      if (ec) break;
    }
    m.collection_id = options_.collections.empty() ? std::string("site-1")
                                                    : options_.collections[i % options_.collections.size()];
    delivered += send(h, m);
  }
  co_return delivered;
}

}  // namespace eventwire::emulator
