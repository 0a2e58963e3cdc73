#include "detail/run_command.hpp"

#include <eventwire/auth/error.hpp>
#include <eventwire/auth/secret.hpp>

#include <cerrno>
#include <cstdlib>
#include <ostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace eventwire::auth {
namespace {

namespace asio = boost::asio;
using result = std::tuple<std::error_code, std::string>;

result failure(error e, std::string why) { return {e, std::move(why)}; }

std::string errno_text(int e) { return std::generic_category().message(e); }

result non_empty(std::string value, const std::string& source) {
  if (value.empty()) return failure(error::secret_empty, source + " is empty");
  return {std::error_code{}, std::move(value)};
}

result from_environment(const environment_variable& v) {
  const std::string source = "environment variable " + v.name;
  const char* value = v.name.empty() ? nullptr : std::getenv(v.name.c_str());
  if (!value) return failure(error::environment_variable_not_set, source + " is not set");
  return non_empty(value, source);
}

class file_descriptor {
 public:
  explicit file_descriptor(int fd) noexcept : fd_(fd) {}
  file_descriptor(const file_descriptor&) = delete;
  file_descriptor& operator=(const file_descriptor&) = delete;
  ~file_descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const noexcept { return fd_; }

 private:
  int fd_;
};

// A regular file only: a FIFO or device could block the io_context or never end.
result from_file(const secret_file& f) {
  const std::string source = "secret file " + f.path;
  const auto unreadable = [&](const std::string& reason) {
    return failure(error::secret_file_unreadable, source + " cannot be read: " + reason);
  };
  file_descriptor fd(::open(f.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) return unreadable(errno_text(errno));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return unreadable(errno_text(errno));
  if (!S_ISREG(info.st_mode)) return unreadable("not a regular file");

  std::string value;
  char chunk[4096];
  for (;;) {
    const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return unreadable(errno_text(errno));
    if (n == 0) break;
    if (value.size() + static_cast<std::size_t>(n) > f.size_limit + 2) {
      return failure(error::secret_too_large,
                     source + " is larger than " + std::to_string(f.size_limit) + " bytes");
    }
    value.append(chunk, static_cast<std::size_t>(n));
  }
  if (value.ends_with("\r\n")) {
    value.resize(value.size() - 2);
  } else if (value.ends_with('\n')) {
    value.pop_back();
  }
  if (value.size() > f.size_limit) {
    return failure(error::secret_too_large,
                   source + " is larger than " + std::to_string(f.size_limit) + " bytes");
  }
  return non_empty(std::move(value), source);
}

void trim_trailing_whitespace(std::string& s) {
  while (!s.empty() &&
         (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) {
    s.pop_back();
  }
}

asio::awaitable<result> from_command(asio::any_io_executor ex, const secret_command& c) {
  auto run = co_await detail::run_command(std::move(ex), c);
  if (run.ec) co_return result{run.ec, std::move(run.why)};
  trim_trailing_whitespace(run.output);
  co_return non_empty(std::move(run.output), "the output of secret command " + c.argv.front());
}

struct describer {
  std::string operator()(const environment_variable& v) const {
    return "environment variable " + v.name;
  }
  std::string operator()(const secret_file& f) const { return "file " + f.path; }
  std::string operator()(const secret_command& c) const {
    return "command " + (c.argv.empty() ? std::string("(none)") : c.argv.front());
  }
  std::string operator()(const literal_secret&) const { return "literal value"; }
};

}  // namespace

asio::awaitable<std::tuple<std::error_code, std::string>> secret::resolve(
    asio::any_io_executor ex) const {
  if (const auto* v = std::get_if<environment_variable>(&source_)) co_return from_environment(*v);
  if (const auto* f = std::get_if<secret_file>(&source_)) co_return from_file(*f);
  if (const auto* c = std::get_if<secret_command>(&source_))
    co_return co_await from_command(std::move(ex), *c);
  co_return non_empty(std::get<literal_secret>(source_).value, "literal secret");
}

std::string secret::describe() const { return std::visit(describer{}, source_); }

std::ostream& operator<<(std::ostream& os, const secret& s) { return os << s.describe(); }

}  // namespace eventwire::auth
