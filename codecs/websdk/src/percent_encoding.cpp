#include <eventwire/websdk/percent_encoding.hpp>

#include <array>

namespace eventwire::websdk {
namespace {

using byte_set = std::array<bool, 256>;

constexpr byte_set make_set(std::string_view extra) {
  byte_set set{};
  for (int c = 'a'; c <= 'z'; ++c) set[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) set[static_cast<std::size_t>(c)] = true;
  for (int c = '0'; c <= '9'; ++c) set[static_cast<std::size_t>(c)] = true;
  for (char c : std::string_view("-._~")) set[static_cast<unsigned char>(c)] = true;
  for (char c : extra) set[static_cast<unsigned char>(c)] = true;
  return set;
}

constexpr byte_set query_safe = make_set("!$'()*,;:@/?=");
constexpr byte_set segment_safe = make_set("!$&'()*+,;=:@");

void append_encoded(std::string& out, std::string_view text, const byte_set& safe) {
  constexpr char digits[] = "0123456789ABCDEF";
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (safe[b]) {
      out += c;
    } else {
      out += '%';
      out += digits[b >> 4];
      out += digits[b & 0xF];
    }
  }
}

}  // namespace

void append_query_encoded(std::string& out, std::string_view text) {
  append_encoded(out, text, query_safe);
}

void append_segment_encoded(std::string& out, std::string_view text) {
  append_encoded(out, text, segment_safe);
}

}  // namespace eventwire::websdk
