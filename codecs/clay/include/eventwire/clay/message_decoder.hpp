#pragma once

#include <eventwire/clay/detail/decode_failure.hpp>
#include <eventwire/clay/hub.hpp>
#include <eventwire/clay/message.hpp>
#include <eventwire/json/reader.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::clay {

// Decodes the argument of one `ReceiveMessage` invocation: a JSON string whose content is the
// message, itself JSON. Both layers with as few copies as possible:
//   1. the argument is read with the JSON pull reader (validating the string);
//   2. its escapes are decoded into the caller's reusable `buffer`, at most max_message_size
//      bytes (an argument without escapes is used in place, no copy);
//   3. the message is walked once with the pull reader: the known fields become views into it,
//      every other member is validated and left in message::json.
//
// The message must be one JSON object; its fields are all optional (absent or null): id and
// collection id a string or an integer, type a string, time an ISO 8601 string. Keys match in
// any ASCII case; a known key given twice is an error; unknown keys are skipped.
// Steady-state decoding does not allocate once the buffer has grown to the largest message.
class message_decoder {
 public:
  // The message keys the decoder reads. All are inferred (the seed shows no message); an empty
  // name turns its field off. The views must outlive the decoder (literals do).
  struct field_names {
    std::string_view id = "id";
    std::string_view type = "type";
    std::string_view time = "time";
    std::string_view collection_id = "collectionId";  // the seed's query parameter name
  };

  struct options {
    field_names keys{};
    std::size_t max_message_size = 256 * 1024;  // bytes of the unescaped message
    std::size_t max_depth = json::reader::default_max_depth;  // nesting inside the message
  };

  message_decoder() = default;
  explicit message_decoder(const options& o) : options_(o) {}

  // Decodes `argument_json` (the argument's JSON text: a string, surrounding whitespace
  // allowed) from hub `h`. `buffer` is resized as needed, never beyond max_message_size, and
  // never shrunk; `out` views it (and the argument). After an error `out` should not be used.
  std::error_code decode(std::string_view argument_json, hub h, std::string& buffer, message& out);

  // The same for an argument a hub_connection handed over: its exact JSON text, which the hub
  // message decoder has already validated, so the string is not scanned a second time.
  std::error_code decode_validated(std::string_view argument_json, hub h, std::string& buffer, message& out);

  // Decodes an already unescaped message text (surrounding whitespace allowed).
  std::error_code decode_message(std::string_view message_json, hub h, message& out);

  // About the last decode's error (empty / no error after a success).
  std::string_view error_key() const noexcept { return failure_.key(); }
  std::error_code json_error() const noexcept { return failure_.json_error(); }
  // Offset in the argument (errors 1-3) or in the unescaped message (the others).
  std::size_t error_offset() const noexcept { return failure_.offset(); }
  std::string describe_error() const { return failure_.describe(); }

  const options& configured_options() const noexcept { return options_; }

 private:
  // Every decode begins with an empty message from `h` and no error.
  void start(hub h, message& out);
  std::error_code read_content(const json::raw_string& content, std::size_t start, std::string& buffer, message& out);
  std::error_code read_message(std::string_view text, message& out);

  options options_;
  std::string key_scratch_;
  std::string value_scratch_;
  detail::decode_failure failure_;
};

}  // namespace eventwire::clay
