#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/associator.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
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
  using forwards_associations = void;
  std::chrono::steady_clock::time_point* last_received;

  void operator()(boost::system::error_code ec, std::size_t n) {
    if (n != 0) *last_received = std::chrono::steady_clock::now();
    std::move(handler)(ec, n);
  }
};

// The read-ahead buffer of a stream: bytes received beyond what the reader asked for.
struct read_ahead {
  std::unique_ptr<char[]> data;
  std::size_t capacity = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool light = true;  // the last receive was small: read straight into the reader's buffer

  std::size_t available() const noexcept { return end - begin; }
  // Moves held bytes into `buffers`; returns how many.
  template <class MutableBufferSequence>
  std::size_t take(const MutableBufferSequence& buffers) noexcept {
    const std::size_t n = boost::asio::buffer_copy(buffers, boost::asio::buffer(data.get() + begin, available()));
    begin += n;
    if (begin == end) begin = end = 0;
    return n;
  }
};

// Completes a read into the read-ahead buffer: copies what the reader asked for, keeps the rest.
template <class Handler, class MutableBufferSequence>
struct fill_read_ahead {
  Handler handler;
  using forwards_associations = void;
  MutableBufferSequence buffers;
  read_ahead* ahead;

  void operator()(boost::system::error_code ec, std::size_t n) {
    ahead->begin = 0;
    ahead->end = n;
    ahead->light = n < ahead->capacity / 4;
    std::move(handler)(ec, n == 0 ? 0 : ahead->take(buffers));
  }
};

// Completes a read straight into the reader's buffer; a full one means traffic is heavy, so the
// next read goes through the read-ahead buffer.
template <class Handler>
struct note_direct_read {
  Handler handler;
  using forwards_associations = void;
  std::size_t requested;
  read_ahead* ahead;

  void operator()(boost::system::error_code ec, std::size_t n) {
    if (ahead->capacity != 0) ahead->light = n < requested;
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

  // Reads from the socket `capacity` bytes at a time while data arrives faster than the reader
  // asks for it (Beast's WebSocket reads 1.5 KiB at a time), handing it out from memory: one
  // system call per burst instead of one per few messages. While traffic is light the buffer is
  // released and reads go straight to the reader, so an idle connection holds no buffer.
  void enable_read_ahead(std::size_t capacity) noexcept { ahead_.capacity = capacity; }

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
      detail::read_ahead& ahead = self->ahead_;
      if (ahead.available() != 0) {
        const std::size_t n = ahead.take(buffers);
        if (ahead.available() == 0 && ahead.light) ahead.data.reset();
        auto ex = boost::asio::get_associated_executor(handler, self->get_executor());
        boost::asio::post(ex, boost::asio::append(std::forward<Handler>(handler), boost::system::error_code(), n));
        return;
      }
      detail::note_arrival<std::decay_t<Handler>> noted{std::forward<Handler>(handler),
                                                        &self->last_received_};
      const bool direct = ahead.capacity == 0 || boost::asio::buffer_size(buffers) >= ahead.capacity ||
                          (ahead.light && boost::asio::buffer_size(buffers) != 0 && !ahead.data);
      if (direct) {
        detail::note_direct_read<decltype(noted)> observed{std::move(noted), boost::asio::buffer_size(buffers), &ahead};
        std::visit([&](auto& layer) { layer.async_read_some(buffers, std::move(observed)); }, self->layers_);
        return;
      }
      if (!ahead.data) ahead.data = std::make_unique<char[]>(ahead.capacity);
      detail::fill_read_ahead<decltype(noted), MutableBufferSequence> fill{std::move(noted), buffers, &ahead};
      std::visit(
          [&](auto& layer) { layer.async_read_some(boost::asio::buffer(ahead.data.get(), ahead.capacity), std::move(fill)); },
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
  detail::read_ahead ahead_;
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

// Every association of a wrapped read handler (executor, allocator, cancellation slot) is the
// handler's own.
template <template <class, class> class Associator, class Wrapper, class DefaultCandidate>
  requires requires { typename Wrapper::forwards_associations; }
struct boost::asio::associator<Associator, Wrapper, DefaultCandidate>
    : Associator<decltype(Wrapper::handler), DefaultCandidate> {
  using inner = Associator<decltype(Wrapper::handler), DefaultCandidate>;
  static typename inner::type get(const Wrapper& h) noexcept { return inner::get(h.handler); }
  static auto get(const Wrapper& h, const DefaultCandidate& c) noexcept -> decltype(inner::get(h.handler, c)) {
    return inner::get(h.handler, c);
  }
};
