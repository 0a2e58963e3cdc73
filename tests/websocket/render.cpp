#include "render.hpp"

#include <eventwire/testing/chunks.hpp>
#include <eventwire/testing/split_check.hpp>

#include <cstdint>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace eventwire::websocket::testing {
namespace {

std::string printable(std::string_view payload) {
  if (payload.size() > 64) {
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a
    for (char c : payload) hash = (hash ^ static_cast<std::uint8_t>(c)) * 1099511628211ull;
    return "[" + std::to_string(payload.size()) + " bytes, hash " + std::to_string(hash) + "]";
  }
  std::string out;
  for (char c : payload) {
    const auto b = static_cast<std::uint8_t>(c);
    if (b >= 0x20 && b < 0x7F) {
      out += c;
    } else {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", b);
      out += hex;
    }
  }
  return out;
}

}  // namespace

std::string render(const event& e) {
  std::ostringstream os;
  switch (e.kind) {
    case event_kind::message: os << (e.text ? "text " : "binary ") << printable(e.payload); break;
    case event_kind::ping: os << "ping " << printable(e.payload); break;
    case event_kind::pong: os << "pong " << printable(e.payload); break;
    case event_kind::close: os << "close " << e.close.code << ' ' << printable(e.close.reason); break;
  }
  return os.str();
}

std::vector<std::string> decoded(role r, std::string_view input, std::span<const std::size_t> cuts,
                                 std::size_t max_message_size) {
  frame_decoder decoder(r);
  decoder.max_message_size = max_message_size;
  std::vector<std::string> out;
  bool failed = false;
  eventwire::testing::feed_in_chunks(input, cuts, [&](std::string_view piece) {
    while (!failed) {
      const auto result = decoder.feed(piece);
      if (result.consumed > piece.size()) out.push_back("consumed more than given");
      if (result.state == codec::status::error) {
        failed = true;
        break;
      }
      piece.remove_prefix(result.consumed);
      if (result.state == codec::status::need_more) {
        if (!piece.empty()) out.push_back("need_more with bytes left");
        break;
      }
      out.push_back(render(decoder.current()));
    }
  });
  const std::error_code ec = failed ? decoder.error() : decoder.finish();
  out.push_back(ec ? "error: " + ec.message() : "end");
  return out;
}

std::vector<std::string> check_splits(role r, std::string_view input, std::size_t max_message_size) {
  const std::size_t stride = input.size() <= 4096 ? 1 : 251;
  return eventwire::testing::check_all_splits(input, decoder_of(r, max_message_size), stride);
}

std::string bytes(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i < hex.size();) {
    if (hex[i] == ' ') {
      ++i;
      continue;
    }
    if (i + 1 >= hex.size()) throw std::invalid_argument("bytes: odd number of hex digits");
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
    i += 2;
  }
  return out;
}

}  // namespace eventwire::websocket::testing
