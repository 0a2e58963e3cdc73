#include "blocking_job.hpp"

#include <eventwire/sink/file_sink.hpp>
#include <eventwire/sink/stdout_sink.hpp>

#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace eventwire::sink {

namespace {

std::error_code last_error() { return {errno, std::generic_category()}; }

std::error_code write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return last_error();
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

}  // namespace

struct file_sink::impl {
  file_sink_options options;
  std::string name;
  int fd = -1;
  std::uint64_t size = 0;
  bool unsynced = false;
  std::chrono::steady_clock::time_point last_sync = std::chrono::steady_clock::now();
  std::string buffer;

  std::error_code sync() {
    if (!unsynced) return {};
    if (::fdatasync(fd) != 0) return last_error();
    unsynced = false;
    last_sync = std::chrono::steady_clock::now();
    return {};
  }

  std::error_code rotate() {
    if (auto ec = sync()) return ec;
    ::close(fd);
    fd = -1;
    const auto numbered = [&](unsigned i) { return options.path + "." + std::to_string(i); };
    if (options.keep_files == 0) {
      ::unlink(options.path.c_str());
    } else {
      for (unsigned i = options.keep_files; i > 1; --i) std::rename(numbered(i - 1).c_str(), numbered(i).c_str());
      if (std::rename(options.path.c_str(), numbered(1).c_str()) != 0) return last_error();
    }
    return open();
  }

  std::error_code open() {
    if (fd >= 0) return {};
    fd = ::open(options.path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (fd < 0) return last_error();
    struct stat st {};
    if (::fstat(fd, &st) != 0) return last_error();
    size = static_cast<std::uint64_t>(st.st_size);
    return {};
  }

  // On the worker thread.
  std::error_code append(const event::event_batch& batch) {
    if (auto ec = open()) return ec;
    if (options.rotate_bytes != 0 && size >= options.rotate_bytes) {
      if (auto ec = rotate()) return ec;
    }
    buffer.clear();
    append_ndjson(buffer, batch);
    if (auto ec = write_all(fd, buffer)) return ec;
    size += buffer.size();
    unsynced = true;
    using policy = file_sink_options::sync_policy;
    if (options.sync == policy::every_batch ||
        (options.sync == policy::interval && std::chrono::steady_clock::now() - last_sync >= options.sync_interval)) {
      if (auto ec = sync()) return ec;
    }
    return {};
  }

  // On the worker thread.
  std::error_code close_file() {
    if (fd < 0) return {};
    const auto ec = sync();
    ::close(fd);
    fd = -1;
    return ec;
  }

  boost::asio::thread_pool worker{1};
};

file_sink::file_sink(file_sink_options options) : impl_(std::make_unique<impl>()) {
  impl_->options = std::move(options);
  impl_->name = "file " + impl_->options.path;
}

file_sink::~file_sink() {
  impl_->worker.join();  // a write still running finishes first
  if (impl_->fd >= 0) {
    (void)impl_->sync();
    ::close(impl_->fd);
  }
}

const std::string& file_sink::name() const noexcept { return impl_->name; }

std::error_code file_sink::open() { return impl_->open(); }

boost::asio::awaitable<std::error_code> file_sink::write(const event::event_batch& batch) {
  impl* self = impl_.get();
  // On a thread of its own: while it writes and syncs, the sources go on and the pipeline merges
  // what they publish, so one fdatasync covers everything that arrived during the previous one.
  std::function<std::error_code()> append = [self, &batch] { return self->append(batch); };
  co_return co_await detail::run_blocking(self->worker, std::move(append), boost::asio::use_awaitable);
}

boost::asio::awaitable<std::error_code> file_sink::close() {
  impl* self = impl_.get();
  std::function<std::error_code()> close_file = [self] { return self->close_file(); };
  co_return co_await detail::run_blocking(self->worker, std::move(close_file), boost::asio::use_awaitable);
}

}  // namespace eventwire::sink
