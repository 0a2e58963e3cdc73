#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/associator.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <cstddef>
#include <type_traits>
#include <utility>
#include <variant>

namespace boost::asio::ssl {
class context;
}

namespace eventwire::net {

namespace detail {

// Completes a read of the wrapped handler after noting when bytes last arrived. Every
// association of the handler (executor, allocator, cancellation slot) passes through.
template <class Handler>
struct note_arrival {
  Handler handler;
  std::chrono::steady_clock::time_point* last_received;

  void operator()(boost::system::error_code ec, std::size_t n) {
    if (n != 0) *last_received = std::chrono::steady_clock::now();
    std::move(handler)(ec, n);
  }
};

}  // namespace detail

// A byte stream that is plain TCP or TLS over TCP, chosen at run time. It is an Asio AsyncStream
// (so Beast's http and websocket algorithms run over it, teardown included) whose lowest layer
// is a beast::tcp_stream in both cases: set deadlines there with expires_after.
class stream {
 public:
  using executor_type = boost::asio::any_io_executor;
  using tcp_layer = boost::beast::tcp_stream;
  using tls_layer = boost::beast::ssl_stream<tcp_layer>;
  using clock = std::chrono::steady_clock;

  explicit stream(executor_type ex) : layers_(std::in_place_type<tcp_layer>, std::move(ex)) {}
  stream(executor_type ex, boost::asio::ssl::context& tls)
      : layers_(std::in_place_type<tls_layer>, std::move(ex), tls) {}
  // Server side: a socket from an acceptor, plain or to be TLS-handshaken as server.
  explicit stream(boost::asio::ip::tcp::socket&& accepted)
      : layers_(std::in_place_type<tcp_layer>, std::move(accepted)) {}
  stream(boost::asio::ip::tcp::socket&& accepted, boost::asio::ssl::context& tls)
      : layers_(std::in_place_type<tls_layer>, std::move(accepted), tls) {}

  stream(stream&&) noexcept = default;
  stream& operator=(stream&&) = delete;  // a TLS layer cannot be reassigned

  executor_type get_executor() noexcept { return lowest_layer().get_executor(); }
  bool secure() const noexcept { return std::holds_alternative<tls_layer>(layers_); }
  tls_layer* tls() noexcept { return std::get_if<tls_layer>(&layers_); }

  tcp_layer& lowest_layer() noexcept;
  // What beast::get_lowest_layer walks down: the TCP layer, under TLS or not.
  tcp_layer& next_layer() noexcept { return lowest_layer(); }

  // When bytes last arrived (or when the stream was connected): the hook for idle detection.
  clock::time_point last_received() const noexcept { return last_received_; }
  void note_received_now() noexcept { last_received_ = clock::now(); }

  // Closes the socket at once; pending operations complete with operation_aborted.
  void close() noexcept;

  template <class MutableBufferSequence, class ReadToken>
  auto async_read_some(const MutableBufferSequence& buffers, ReadToken&& token) {
    return boost::asio::async_initiate<ReadToken, void(boost::system::error_code, std::size_t)>(
        initiate_read{this}, token, buffers);
  }

  template <class ConstBufferSequence, class WriteToken>
  auto async_write_some(const ConstBufferSequence& buffers, WriteToken&& token) {
    return boost::asio::async_initiate<WriteToken, void(boost::system::error_code, std::size_t)>(
        initiate_write{this}, token, buffers);
  }

 private:
  struct initiate_read {
    stream* self;
    using executor_type = stream::executor_type;
    executor_type get_executor() const noexcept { return self->get_executor(); }

    template <class Handler, class MutableBufferSequence>
    void operator()(Handler&& handler, const MutableBufferSequence& buffers) const {
      detail::note_arrival<std::decay_t<Handler>> noted{std::forward<Handler>(handler),
                                                        &self->last_received_};
      std::visit([&](auto& layer) { layer.async_read_some(buffers, std::move(noted)); },
                 self->layers_);
    }
  };

  struct initiate_write {
    stream* self;
    using executor_type = stream::executor_type;
    executor_type get_executor() const noexcept { return self->get_executor(); }

    template <class Handler, class ConstBufferSequence>
    void operator()(Handler&& handler, const ConstBufferSequence& buffers) const {
      std::visit(
          [&](auto& layer) { layer.async_write_some(buffers, std::forward<Handler>(handler)); },
          self->layers_);
    }
  };

  std::variant<tcp_layer, tls_layer> layers_;
  clock::time_point last_received_ = clock::now();
};

// The websocket teardown customisation points, found by argument-dependent lookup.
void teardown(boost::beast::role_type role, stream& s, boost::system::error_code& ec);

template <class TeardownHandler>
void async_teardown(boost::beast::role_type role, stream& s, TeardownHandler&& handler) {
  if (auto* tls = s.tls()) {
    async_teardown(role, *tls, std::forward<TeardownHandler>(handler));
  } else {
    async_teardown(role, s.lowest_layer(), std::forward<TeardownHandler>(handler));
  }
}

}  // namespace eventwire::net

template <template <class, class> class Associator, class Handler, class DefaultCandidate>
struct boost::asio::associator<Associator, eventwire::net::detail::note_arrival<Handler>,
                               DefaultCandidate> : Associator<Handler, DefaultCandidate> {
  static typename Associator<Handler, DefaultCandidate>::type get(
      const eventwire::net::detail::note_arrival<Handler>& h) noexcept {
    return Associator<Handler, DefaultCandidate>::get(h.handler);
  }

  static auto get(const eventwire::net::detail::note_arrival<Handler>& h,
                  const DefaultCandidate& c) noexcept
      -> decltype(Associator<Handler, DefaultCandidate>::get(h.handler, c)) {
    return Associator<Handler, DefaultCandidate>::get(h.handler, c);
  }
};
