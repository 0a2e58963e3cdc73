#pragma once

#include <iosfwd>
#include <string>
#include <utility>

namespace eventwire::signalr {

// What a handler answers a server invocation that carries an invocationId with (client
// results, .NET 7+): a result (its JSON text), an error (plain text), or nothing (void).
class invocation_result {
 public:
  enum class kind : unsigned char { none, value, error };

  invocation_result() = default;
  static invocation_result none() { return {}; }
  // `json` must be one valid JSON value: it is sent as it is.
  static invocation_result value(std::string json) { return {kind::value, std::move(json)}; }
  static invocation_result error(std::string message) { return {kind::error, std::move(message)}; }

  kind what() const noexcept { return kind_; }
  // The result's JSON text or the error message; empty for none.
  const std::string& text() const noexcept { return text_; }

 private:
  invocation_result(kind k, std::string text) : kind_(k), text_(std::move(text)) {}

  kind kind_ = kind::none;
  std::string text_;
};

std::ostream& operator<<(std::ostream& os, const invocation_result& r);

}  // namespace eventwire::signalr
