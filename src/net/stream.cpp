#include <eventwire/net/stream.hpp>

namespace eventwire::net {

stream::tcp_layer& stream::lowest_layer() noexcept {
  if (auto* t = tls()) return t->next_layer();
  return std::get<tcp_layer>(layers_);
}

void stream::close() noexcept {
  boost::system::error_code ignored;
  lowest_layer().socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  lowest_layer().socket().close(ignored);
}

void teardown(boost::beast::role_type role, stream& s, boost::system::error_code& ec) {
  using boost::beast::websocket::teardown;
  if (auto* tls = s.tls()) {
    teardown(role, *tls, ec);
  } else {
    teardown(role, s.lowest_layer().socket(), ec);
  }
}

}  // namespace eventwire::net
