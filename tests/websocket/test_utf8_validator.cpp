#include <eventwire/websocket/utf8_validator.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

namespace {

using namespace eventwire::websocket;

// A plain decoder of one sequence, as RFC 3629 section 4 defines valid UTF-8: the reference.
bool reference_valid(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<std::uint8_t>(s[i]);
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (lead < 0x80) {
      length = 1, cp = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2, cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, cp = lead & 0x07;
    } else {
      return false;
    }
    if (i + length > s.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto b = static_cast<std::uint8_t>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = cp << 6 | (b & 0x3F);
    }
    constexpr std::uint32_t shortest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < shortest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

// Whole, and cut at every point into two feeds.
void check(const std::string& s) {
  const bool expected = reference_valid(s);
  BOOST_TEST(is_valid_utf8(s) == expected);
  for (std::size_t cut = 0; cut <= s.size(); ++cut) {
    utf8_validator v;
    const bool ok = v.feed(std::string_view(s).substr(0, cut)) && v.feed(std::string_view(s).substr(cut)) &&
                    v.complete();
    if (ok != expected) BOOST_TEST(ok == expected, "cut at " << cut);
  }
}

std::string of(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s += static_cast<char>(b);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(websocket_utf8_validator)

BOOST_AUTO_TEST_CASE(edge_cases) {
  struct sample {
    std::string bytes;
    bool valid;
  };
  const sample samples[] = {
      {"", true},
      {"plain ASCII, longer than thirty-two bytes so the wide path runs", true},
      {of({0xC2, 0x80}), true},                // U+0080
      {of({0xDF, 0xBF}), true},                // U+07FF
      {of({0xE0, 0xA0, 0x80}), true},          // U+0800
      {of({0xED, 0x9F, 0xBF}), true},          // U+D7FF
      {of({0xEE, 0x80, 0x80}), true},          // U+E000
      {of({0xEF, 0xBF, 0xBF}), true},          // U+FFFF
      {of({0xF0, 0x90, 0x80, 0x80}), true},    // U+10000
      {of({0xF4, 0x8F, 0xBF, 0xBF}), true},    // U+10FFFF
      {of({0xC0, 0x80}), false},               // overlong U+0000
      {of({0xC1, 0xBF}), false},               // overlong U+007F
      {of({0xE0, 0x9F, 0xBF}), false},         // overlong U+07FF
      {of({0xF0, 0x8F, 0xBF, 0xBF}), false},   // overlong U+FFFF
      {of({0xED, 0xA0, 0x80}), false},         // U+D800, a surrogate
      {of({0xED, 0xBF, 0xBF}), false},         // U+DFFF
      {of({0xF4, 0x90, 0x80, 0x80}), false},   // U+110000
      {of({0xF5, 0x80, 0x80, 0x80}), false},
      {of({0xFE}), false},
      {of({0xFF}), false},
      {of({0x80}), false},                     // a continuation byte alone
      {of({0xE2, 0x82}), false},               // cut short
      {of({0xE2, 0x41, 0xAC}), false},         // interrupted
      {"abcdefghijklmnopqrstuvwxyz012345" + of({0xC3, 0xA9}) + "after", true},
      {"abcdefghijklmnopqrstuvwxyz0123" + of({0xFF}) + "after", false},
  };
  for (const sample& s : samples) {
    BOOST_TEST_CONTEXT("sample of " << s.bytes.size() << " bytes") {
      BOOST_TEST(reference_valid(s.bytes) == s.valid);
      check(s.bytes);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_one_and_two_byte_input_agrees_with_the_reference) {
  for (int a = 0; a < 256; ++a) {
    if (is_valid_utf8(of({a})) != reference_valid(of({a}))) BOOST_TEST(false, "byte " << a);
    for (int b = 0; b < 256; ++b) {
      const std::string s = of({a, b});
      if (is_valid_utf8(s) != reference_valid(s)) BOOST_TEST(false, "bytes " << a << ' ' << b);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_three_byte_sequence_agrees_with_the_reference) {
  for (int a = 0xE0; a <= 0xF4; ++a)
    for (int b = 0; b < 256; ++b)
      for (int c = 0; c < 256; ++c) {
        const std::string s = of({a, b, c});
        if (is_valid_utf8(s) != reference_valid(s)) BOOST_TEST(false, "bytes " << a << ' ' << b << ' ' << c);
      }
}

BOOST_AUTO_TEST_CASE(four_byte_sequences_agree_with_the_reference) {
  for (int a = 0xF0; a <= 0xF7; ++a)
    for (int b = 0x80; b < 0xC0; ++b)
      for (int c : {0x7F, 0x80, 0xBF, 0xC0})
        for (int d : {0x7F, 0x80, 0xBF, 0xC0}) check(of({a, b, c, d}));
}

// The ASCII skip takes 64, 32 and 8 bytes at a time: a sequence, valid or not, at every offset
// of a 200-byte ASCII text is found wherever it falls.
BOOST_AUTO_TEST_CASE(a_sequence_at_every_offset_of_a_long_ascii_text) {
  for (const std::string& sequence : {of({0xC3, 0xA9}), of({0xF0, 0x9F, 0x98, 0x80}), of({0xFF}), of({0xE2, 0x82})}) {
    for (std::size_t at = 0; at <= 200; ++at) {
      std::string text(200, 'a');
      text.insert(at, sequence);
      BOOST_TEST_CONTEXT("sequence of " << sequence.size() << " bytes at " << at) {
        BOOST_TEST(is_valid_utf8(text) == reference_valid(text));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_failure_sticks_until_reset) {
  utf8_validator v;
  BOOST_TEST(!v.feed(of({0xFF})));
  BOOST_TEST(v.failed());
  BOOST_TEST(!v.feed("fine"));
  BOOST_TEST(!v.complete());
  v.reset();
  BOOST_TEST(v.feed("fine"));
  BOOST_TEST(v.complete());
}

BOOST_AUTO_TEST_SUITE_END()
