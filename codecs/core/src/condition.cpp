#include <eventwire/codec/condition.hpp>
#include <eventwire/codec/error_table.hpp>

#include <ostream>
#include <string>

namespace eventwire::codec {
namespace {

class condition_category_impl final : public std::error_category {
 public:
  const char* name() const noexcept override { return "eventwire.codec"; }
  std::string message(int c) const override {
    switch (static_cast<condition>(c)) {
      case condition::protocol_violation: return "the peer violated the protocol";
      case condition::limit_exceeded: return "a configured limit was exceeded";
    }
    return "unknown codec condition " + std::to_string(c);
  }
};

}  // namespace

const std::error_category& condition_category() noexcept {
  static const condition_category_impl category;
  return category;
}

std::ostream& operator<<(std::ostream& os, condition c) {
  return os << condition_category().message(static_cast<int>(c));
}

std::string table_category::message(int code) const {
  if (code >= 1 && static_cast<std::size_t>(code) <= table_.size()) return table_[code - 1].message;
  return std::string(name_) + " error " + std::to_string(code);
}

std::error_condition table_category::default_error_condition(int code) const noexcept {
  if (code >= 1 && static_cast<std::size_t>(code) <= table_.size())
    return make_error_condition(table_[code - 1].maps_to);
  return {code, *this};
}

std::string meaning_table_category::message(int code) const {
  if (code >= 1 && static_cast<std::size_t>(code) <= table_.size()) return table_[code - 1].message;
  return std::string(name_) + " error " + std::to_string(code);
}

std::error_condition meaning_table_category::default_error_condition(int code) const noexcept {
  if (code < 1 || static_cast<std::size_t>(code) > table_.size()) return {code, *this};
  switch (table_[code - 1].is) {
    case meaning::protocol_violation: return make_error_condition(condition::protocol_violation);
    case meaning::limit_exceeded: return make_error_condition(condition::limit_exceeded);
    case meaning::timed_out: return std::make_error_condition(std::errc::timed_out);
    case meaning::invalid_argument: return std::make_error_condition(std::errc::invalid_argument);
    case meaning::operation_canceled: return std::make_error_condition(std::errc::operation_canceled);
    case meaning::permission_denied: return std::make_error_condition(std::errc::permission_denied);
    case meaning::own: break;
  }
  return {code, *this};
}

}  // namespace eventwire::codec
