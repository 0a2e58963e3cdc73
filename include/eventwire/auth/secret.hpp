#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <system_error>
#include <tuple>
#include <variant>
#include <vector>

namespace eventwire::auth {

inline constexpr std::size_t default_secret_size_limit = 64 * 1024;

// The value of an environment variable, read at each resolve.
struct environment_variable {
  std::string name;
};

// The contents of a regular file, read at each resolve (so a rotated file is picked up), without
// one trailing newline ("\n" or "\r\n").
struct secret_file {
  std::string path;
  std::size_t size_limit = default_secret_size_limit;
};

// What a program prints on stdout, without trailing whitespace. argv[0] is looked up in PATH and
// run without a shell, in its own process group, stdin from /dev/null, stderr inherited. It must
// exit with status 0 within `timeout`; otherwise it (and its process group) is killed and reaped.
struct secret_command {
  std::vector<std::string> argv;
  std::chrono::steady_clock::duration timeout = std::chrono::seconds(10);
  std::size_t size_limit = default_secret_size_limit;
};

// A literal value; for tests and examples only: a config file should not hold secrets.
struct literal_secret {
  std::string value;
};

// Where a secret comes from. Printing a secret (or reading describe()) names its source
// ("environment variable CLAY_TOKEN", "file /run/secrets/x", "command vault"): never its value,
// never a command's arguments.
class secret {
 public:
  secret(environment_variable source) : source_(std::move(source)) {}
  secret(secret_file source) : source_(std::move(source)) {}
  secret(secret_command source) : source_(std::move(source)) {}
  secret(literal_secret source) : source_(std::move(source)) {}

  // The value, or an error with, in place of the value, one sentence for logs that names the
  // source and the reason ("environment variable CLAY_TOKEN is not set", "secret command vault
  // exited with status 3"). Errors: error::environment_variable_not_set, secret_empty,
  // secret_file_unreadable, secret_too_large, secret_command_not_started,
  // secret_command_failed, secret_command_killed, secret_command_timeout. An empty value is an
  // error (secret_empty). Only a command suspends; the io_context never blocks on it.
  boost::asio::awaitable<std::tuple<std::error_code, std::string>> resolve(
      boost::asio::any_io_executor ex) const;

  std::string describe() const;

  const std::variant<environment_variable, secret_file, secret_command, literal_secret>& source()
      const noexcept {
    return source_;
  }

 private:
  std::variant<environment_variable, secret_file, secret_command, literal_secret> source_;
};

std::ostream& operator<<(std::ostream& os, const secret& s);

}  // namespace eventwire::auth
