#pragma once

// Reads the hidden payload back out of a RaiseCustomEvent body (the server's side of
// custom_event_payload_form): the body of the first part whose Content-Disposition is
// `form-data; name="payload"`. Other parts are skipped. Fed in pieces as they arrive; no I/O.
//
// Errors stay set until start(): not_form_data (the Content-Type), missing_payload (finish()
// without a payload part), or the multipart splitter's (a part or the payload past
// `limits.max_body`, header limits, multipart::error::truncated_part when the body ends before
// its close delimiter).

#include <eventwire/multipart/limits.hpp>
#include <eventwire/multipart/splitter.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::websdk {

class custom_event_payload_reader {
 public:
  explicit custom_event_payload_reader(multipart::limits limits = {}) : limits_(limits) {}

  // A new body with this Content-Type: multipart/form-data with a boundary.
  std::error_code start(std::string_view content_type);
  // Takes every byte of `bytes`.
  std::error_code feed(std::string_view bytes);
  // The body is complete: its close delimiter must have come, and a payload part before it.
  std::error_code finish();

  // The payload, once its part ended.
  const std::optional<std::string>& payload() const noexcept { return payload_; }
  std::error_code error() const noexcept { return error_; }

 private:
  void handle_event();
  std::error_code fail(std::error_code ec);

  multipart::limits limits_;
  std::optional<multipart::splitter> splitter_;
  std::error_code error_;
  bool in_payload_ = false;
  bool closed_ = false;
  std::string body_;
  std::optional<std::string> payload_;
};

}  // namespace eventwire::websdk
