#pragma once

#include <eventwire/auth/secret.hpp>
#include <eventwire/config/problems.hpp>

#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::config {

// Reads the members of one JSON object of a config, recording each problem with its path:
// a wrong type, a missing required member, and (in finish()) every member nobody asked for.
// Getters return nullopt when the member is absent or wrong (the problem is recorded).
class object_reader {
 public:
  object_reader(const boost::json::value& value, std::string path, problems& found);

  bool is_object() const noexcept { return object_ != nullptr; }
  const std::string& path() const noexcept { return path_; }
  std::string path_of(std::string_view key) const;

  std::optional<std::string> string(std::string_view key, bool required = false);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::uint64_t> unsigned_integer(std::string_view key, std::uint64_t max = UINT64_MAX);
  std::optional<double> number(std::string_view key);
  // "10s", "1500ms", "2m", "1h", or a number of seconds.
  std::optional<std::chrono::milliseconds> duration(std::string_view key);
  std::vector<std::string> strings(std::string_view key);
  // A secret: {"env": "NAME"}, {"file": "PATH"}, {"command": ["prog", "arg"]}, or a plain string
  // (allowed, never required: keep secrets out of config files).
  std::optional<auth::secret> secret(std::string_view key, bool required = false);
  // Any value (marked as known), or null when absent.
  const boost::json::value* value(std::string_view key, bool required = false);

  // Records every member that no getter asked for.
  void finish();

  problems& found() noexcept { return found_; }

 private:
  const boost::json::value* member(std::string_view key, bool required);
  void wrong(std::string_view key, std::string_view expected);

  const boost::json::object* object_ = nullptr;
  std::string path_;
  problems& found_;
  std::set<std::string, std::less<>> known_;
};

// "10s", "1500ms", "2m", "1h", or a bare number of seconds; nullopt for anything else (negative,
// not finite, beyond about 30 years).
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

// Parses a config file's text: JSON with comments and trailing commas allowed. A syntax error is
// recorded at path "" with its line and column.
std::optional<boost::json::value> parse_config_text(std::string_view text, problems& found);

}  // namespace eventwire::config
