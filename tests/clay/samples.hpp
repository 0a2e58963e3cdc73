#pragma once

// Clay ReceiveMessage arguments. The seed says only that the one string argument holds an
// incident or entry message; the fields (id, type, time, collectionId) are the decoder's inferred
// defaults and the rest is invented so that every sample carries members kept as they are.

#include <eventwire/clay/message_decoder.hpp>
#include <eventwire/json/writer.hpp>

#include <cstring>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>

namespace clay_samples {

// An incident from /hub/incident.
inline constexpr std::string_view incident =
    R"({"id":"5b0e7c1a-3f2d-4e8b-9a6c-0d1e2f3a4b5c","type":"DoorLeftOpen",)"
    R"("time":"2024-05-14T09:21:37.512Z","collectionId":"a1b2c3d4-e5f6-4711-8899-aabbccddeeff",)"
    R"("lock":{"id":"7f3e","name":"Gate \"7\" \u00e9"},"severity":2,"acknowledged":false})";

// An entry from /hub/entry: a collection id sent as a number, and a timestamp with an offset.
inline constexpr std::string_view entry =
    R"({"id":90817,"type":"Entry","time":"2024-05-14T11:21:37+02:00","collectionId":42,)"
    R"("user":{"id":"u-17","name":"Jana Nov\u00e1kov\u00e1"},"lock":{"id":"front"},"opened":true})";

// The ReceiveMessage argument: `message` escaped inside one JSON string.
inline std::string argument_of(std::string_view message) {
  std::string out;
  eventwire::json::append_string(out, message);
  return out;
}

// `text` copied into a heap block of exactly its size, freed with the owner.
struct exact_copy {
  explicit exact_copy(std::string_view text)
      : bytes(std::make_unique<char[]>(text.empty() ? 1 : text.size())), size(text.size()) {
    std::memcpy(bytes.get(), text.data(), text.size());
  }
  std::string_view view() const { return {bytes.get(), size}; }
  std::unique_ptr<char[]> bytes;
  std::size_t size;
};

struct outcome {
  std::error_code code;
  std::string key;
  friend bool operator==(const outcome&, const outcome&) = default;
  friend std::ostream& operator<<(std::ostream& os, const outcome& o) {
    return os << (o.code ? o.code.message() : "success") << " at '" << o.key << '\'';
  }
};

inline outcome decode_outcome(std::string_view argument,
                              const eventwire::clay::message_decoder::options& o = {}) {
  const exact_copy copy(argument);
  eventwire::clay::message_decoder decoder(o);
  std::string buffer;
  eventwire::clay::message m;
  const std::error_code code = decoder.decode(copy.view(), eventwire::clay::hub::incident, buffer, m);
  return {code, std::string(decoder.error_key())};
}

// The outcome of the message `message` escaped as an argument.
inline outcome message_outcome(std::string_view message) { return decode_outcome(argument_of(message)); }

// The decoded message printed while its input and buffer still live, or the error.
inline std::string decode_printed(std::string_view argument,
                                  eventwire::clay::hub h = eventwire::clay::hub::incident) {
  const exact_copy copy(argument);
  eventwire::clay::message_decoder decoder;
  std::string buffer;
  eventwire::clay::message m;
  std::ostringstream os;
  if (const std::error_code code = decoder.decode(copy.view(), h, buffer, m))
    os << "error: " << code.message() << " at '" << decoder.error_key() << '\'';
  else
    os << m;
  return os.str();
}

}  // namespace clay_samples
