#include <eventwire/sink/stdout_sink.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <optional>

namespace eventwire::sink {

namespace asio = boost::asio;

void append_ndjson(std::string& out, const event::event_batch& batch) {
  for (std::size_t i = 0; i < batch.size(); ++i) {
    out += batch[i].line;
    out += '\n';
  }
}

struct stdout_sink::impl {
  std::string name = "stdout";
  int fd = -1;
  std::optional<asio::posix::stream_descriptor> async;  // pipes and terminals
  std::string buffer;
};

stdout_sink::stdout_sink(asio::any_io_executor ex, int fd) : impl_(std::make_unique<impl>()) {
  impl_->fd = ::dup(fd);
  if (impl_->fd < 0) return;
  asio::posix::stream_descriptor d(ex);
  boost::system::error_code ec;
  d.assign(impl_->fd, ec);
  if (!ec) d.non_blocking(true, ec);
  if (!ec) {
    impl_->async.emplace(std::move(d));
  } else {
    d.release();  // a regular file: epoll refuses it; blocking writes below
  }
}

stdout_sink::~stdout_sink() {
  if (impl_->async) {
    boost::system::error_code ignored;
    impl_->async->close(ignored);
  } else if (impl_->fd >= 0) {
    ::close(impl_->fd);
  }
}

const std::string& stdout_sink::name() const noexcept { return impl_->name; }

asio::awaitable<std::error_code> stdout_sink::write(const event::event_batch& batch) {
  impl& self = *impl_;
  if (self.fd < 0) co_return std::make_error_code(std::errc::bad_file_descriptor);
  self.buffer.clear();
  append_ndjson(self.buffer, batch);
  if (self.async) {
    auto [ec, n] = co_await asio::async_write(*self.async, asio::buffer(self.buffer),
                                              asio::as_tuple(asio::use_awaitable));
    co_return static_cast<std::error_code>(ec);
  }
  std::string_view rest = self.buffer;
  while (!rest.empty()) {
    const ssize_t n = ::write(self.fd, rest.data(), rest.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      co_return std::error_code(errno, std::generic_category());
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  co_return std::error_code{};
}

asio::awaitable<std::error_code> stdout_sink::close() { co_return std::error_code{}; }

}  // namespace eventwire::sink
