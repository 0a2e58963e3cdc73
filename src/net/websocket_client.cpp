#include "detail/classify.hpp"
#include "detail/websocket_client_impl.hpp"

#include <boost/asio/error.hpp>

namespace eventwire::net {

namespace asio = boost::asio;
namespace http = boost::beast::http;

websocket_client::impl::impl(asio::any_io_executor ex, websocket_options o)
    : executor(ex),
      options(std::move(o)),
      reader_done(ex, clock::time_point::max()),
      turn_free(ex, clock::time_point::max()),
      watchdog(std::move(ex)) {}

std::error_code websocket_client::impl::failure(const boost::system::error_code& ec, error timeout_as) {
  std::error_code result;
  if (timed_out) {
    result = *timed_out;
  } else if (closing && ec == asio::error::operation_aborted) {
    result = error::websocket_closed;
  } else {
    result = detail::classify(ec, timeout_as);
  }
  if (why.empty()) why = "WebSocket failed: " + result.message();
  shut(result);
  return result;
}

void websocket_client::impl::shut(std::error_code reason) noexcept {
  if (open && !ended_by) ended_by = reason;
  open = false;
  if (transport) transport->close();
  stop_watchdog();
  if (turn_waiters != 0) turn_free.cancel();
  if (close_waits_for_reader) reader_done.cancel();
}

std::error_code websocket_client::impl::aborted() noexcept {
  return boost::system::error_code(asio::error::operation_aborted);
}

websocket_client::websocket_client(asio::any_io_executor ex, websocket_options options)
    : impl_(std::make_shared<impl>(std::move(ex), std::move(options))) {}

websocket_client::~websocket_client() { impl_->shut(error::not_connected); }

// The operations hand out the impl's own coroutines: no second coroutine frame per call.
asio::awaitable<std::error_code> websocket_client::connect(const url& where, http::fields headers) {
  return impl_->connect(where, std::move(headers));
}

const http_response& websocket_client::upgrade_response() const noexcept { return impl_->upgrade; }

asio::awaitable<std::tuple<std::error_code, std::size_t>> websocket_client::read(boost::beast::flat_buffer& into) {
  return impl_->read(into);
}

std::optional<std::tuple<std::error_code, std::size_t>> websocket_client::read_buffered(
    boost::beast::flat_buffer& into) {
  return impl_->read_buffered(into);
}

bool websocket_client::got_text() const noexcept { return impl_->got_text; }

asio::awaitable<std::error_code> websocket_client::write_text(std::string_view message) {
  return impl_->write(message, true);
}

asio::awaitable<std::error_code> websocket_client::write_binary(std::string_view message) {
  return impl_->write(message, false);
}

asio::awaitable<std::error_code> websocket_client::close(std::string_view reason, std::uint16_t code) {
  return impl_->close(reason, code);
}

websocket_close_reason websocket_client::peer_close_reason() const { return impl_->peer_reason; }

std::chrono::steady_clock::time_point websocket_client::last_received() const noexcept {
  return impl_->transport ? impl_->transport->last_received() : std::chrono::steady_clock::time_point{};
}

bool websocket_client::is_open() const noexcept { return impl_->open; }

void websocket_client::abort() noexcept { impl_->shut(impl::aborted()); }

const std::string& websocket_client::last_error_detail() const noexcept { return impl_->why; }

}  // namespace eventwire::net
