#include <eventwire/websocket/mask.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using namespace eventwire::websocket;

// One byte at a time, as RFC 6455 section 5.3 states it.
std::string masked_bytewise(const std::string& in, const mask_key& key, std::size_t offset) {
  std::string out = in;
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<char>(out[i] ^ key[(offset + i) % 4]);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(websocket_mask)

BOOST_AUTO_TEST_CASE(rfc_example) {
  std::string hello = "Hello";
  apply_mask(hello, {0x37, 0xfa, 0x21, 0x3d});
  BOOST_TEST(hello == "\x7f\x9f\x4d\x51\x58");
}

BOOST_AUTO_TEST_CASE(word_at_a_time_equals_byte_at_a_time_for_every_length_and_offset) {
  const mask_key key{0x01, 0x80, 0xfe, 0x5a};
  for (std::size_t size = 0; size <= 40; ++size) {
    std::string in(size, '\0');
    for (std::size_t i = 0; i < size; ++i) in[i] = static_cast<char>(i * 37 + 11);
    for (std::size_t offset = 0; offset < 8; ++offset) {
      BOOST_TEST_CONTEXT("size " << size << ", offset " << offset) {
        const std::string expected = masked_bytewise(in, key, offset);
        std::string in_place = in;
        apply_mask(in_place, key, offset);
        BOOST_TEST(in_place == expected);
        std::string copied(size, '\0');
        copy_masked(copied.data(), in, key, offset);
        BOOST_TEST(copied == expected);
        apply_mask(in_place, key, offset);
        BOOST_TEST(in_place == in, "masking twice restores the input");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_payload_masked_in_pieces_equals_masked_whole) {
  const mask_key key{9, 8, 7, 6};
  const std::string in = "a payload that is masked in three pieces of odd sizes";
  const std::string whole = masked_bytewise(in, key, 0);
  for (std::size_t a = 0; a <= in.size(); ++a) {
    std::string pieces = in;
    apply_mask(std::span<char>(pieces.data(), a), key, 0);
    apply_mask(std::span<char>(pieces.data() + a, in.size() - a), key, a);
    BOOST_TEST(pieces == whole, "cut at " << a);
  }
}

BOOST_AUTO_TEST_SUITE_END()
