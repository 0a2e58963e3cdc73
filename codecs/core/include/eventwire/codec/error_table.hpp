#pragma once

#include <eventwire/codec/condition.hpp>

#include <span>
#include <string>
#include <system_error>

namespace eventwire::codec {

struct error_entry {
  const char* message;
  condition maps_to;
};

// An error category whose codes are 1..N, described by a table: entry i-1 describes code i.
// Every codec declares its enum and its table and gets a complete category from this.
class table_category final : public std::error_category {
 public:
  table_category(const char* name, std::span<const error_entry> table) noexcept
      : name_(name), table_(table) {}

  const char* name() const noexcept override { return name_; }
  std::string message(int code) const override;
  std::error_condition default_error_condition(int code) const noexcept override;

 private:
  const char* name_;
  std::span<const error_entry> table_;
};

// What an error of the framework's wider tables (transport, credentials, sessions) means beyond
// its own category: a codec condition, a generic errc, or nothing (`own`).
enum class meaning : unsigned char {
  own,
  protocol_violation,
  limit_exceeded,
  timed_out,
  invalid_argument,
  operation_canceled,
  permission_denied,
};

struct meaning_entry {
  const char* message;
  meaning is;
};

// Like table_category, for tables whose codes map to a meaning.
class meaning_table_category final : public std::error_category {
 public:
  meaning_table_category(const char* name, std::span<const meaning_entry> table) noexcept
      : name_(name), table_(table) {}

  const char* name() const noexcept override { return name_; }
  std::string message(int code) const override;
  std::error_condition default_error_condition(int code) const noexcept override;

 private:
  const char* name_;
  std::span<const meaning_entry> table_;
};

}  // namespace eventwire::codec
