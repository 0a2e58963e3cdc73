#include <eventwire/state/error.hpp>
#include <eventwire/state/file_checkpoint_store.hpp>

#include "escaped_key.hpp"

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace eventwire::state {

namespace {

// Closes a descriptor on every path.
struct descriptor {
  int fd = -1;
  explicit descriptor(int f) noexcept : fd(f) {}
  ~descriptor() {
    if (fd >= 0) ::close(fd);
  }
  descriptor(const descriptor&) = delete;
  descriptor& operator=(const descriptor&) = delete;
};

std::string reason(int err) { return std::generic_category().message(err); }


}  // namespace

std::string checkpoint_file_name(std::string_view key) {
  // A leading dot would hide the file (and "." / ".." are not files).
  return detail::escaped_key(key, '%', [](unsigned char c, std::size_t i) {
    return detail::is_alphanumeric(c) || c == '_' || c == '-' || (c == '.' && i != 0);
  });
}

file_checkpoint_store::file_checkpoint_store(file_checkpoint_options options)
    : options_(std::move(options)) {}

std::filesystem::path file_checkpoint_store::path_of(std::string_view key) const {
  return options_.directory / checkpoint_file_name(key);
}

std::error_code file_checkpoint_store::check_key(std::string_view key) {
  bool bad = key.empty() || key.size() > options_.max_key_size;
  for (const char c : key) bad = bad || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  if (bad) {
    set_error_detail("checkpoint key of " + std::to_string(key.size()) +
                     " bytes refused: it must have 1 to " + std::to_string(options_.max_key_size) +
                     " bytes and no control characters");
    return error::invalid_key;
  }
  return {};
}

std::error_code file_checkpoint_store::load(std::string_view key, std::optional<std::string>& value) {
  value.reset();
  if (auto ec = check_key(key)) return ec;
  const auto path = path_of(key);
  descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.fd < 0) {
    if (errno == ENOENT) {
      set_error_detail({});
      return {};
    }
    set_error_detail("cannot open checkpoint " + path.string() + ": " + reason(errno));
    return error::read_failed;
  }
  std::string text;
  char buffer[4096];
  for (;;) {
    const auto n = ::read(file.fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      set_error_detail("cannot read checkpoint " + path.string() + ": " + reason(errno));
      return error::read_failed;
    }
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > options_.max_value_size) {
      set_error_detail("checkpoint " + path.string() + " is larger than the limit of " +
                       std::to_string(options_.max_value_size) + " bytes");
      return error::value_too_large;
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  value = std::move(text);
  set_error_detail({});
  return {};
}

std::error_code file_checkpoint_store::store(std::string_view key, std::string_view value) {
  if (auto ec = check_key(key)) return ec;
  if (value.size() > options_.max_value_size) {
    set_error_detail("checkpoint value of " + std::to_string(value.size()) +
                     " bytes refused: the limit is " + std::to_string(options_.max_value_size));
    return error::value_too_large;
  }
  const auto& dir = options_.directory;
  std::error_code fs_error;
  std::filesystem::create_directories(dir, fs_error);
  if (fs_error) {
    set_error_detail("cannot create checkpoint directory " + dir.string() + ": " + fs_error.message());
    return error::directory_failed;
  }
  const auto path = path_of(key);
  auto temporary = path;
  temporary += ".tmp";
  {
    descriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (file.fd < 0) {
      set_error_detail("cannot create " + temporary.string() + ": " + reason(errno));
      return error::write_failed;
    }
    std::size_t written = 0;
    while (written < value.size()) {
      const auto n = ::write(file.fd, value.data() + written, value.size() - written);
      if (n < 0) {
        if (errno == EINTR) continue;
        set_error_detail("cannot write " + temporary.string() + ": " + reason(errno));
        return error::write_failed;
      }
      written += static_cast<std::size_t>(n);
    }
    if (options_.sync && ::fsync(file.fd) != 0) {
      set_error_detail("cannot sync " + temporary.string() + ": " + reason(errno));
      return error::write_failed;
    }
    const int fd = file.fd;
    file.fd = -1;
    if (::close(fd) != 0) {
      set_error_detail("cannot close " + temporary.string() + ": " + reason(errno));
      return error::write_failed;
    }
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    set_error_detail("cannot rename " + temporary.string() + " to " + path.filename().string() +
                     ": " + reason(errno));
    return error::rename_failed;
  }
  if (options_.sync) {
    descriptor directory(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.fd < 0 || ::fsync(directory.fd) != 0) {
      set_error_detail("cannot sync checkpoint directory " + dir.string() + ": " + reason(errno));
      return error::directory_failed;
    }
  }
  ++stores_;
  set_error_detail({});
  return {};
}

}  // namespace eventwire::state
