#include <eventwire/json/detail/string_scan.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdint>
#include <random>

namespace detail = eventwire::json::detail;

namespace {

using block = std::array<char, detail::block_size>;

std::uint32_t reference_mask(const block& b, bool (*flagged)(unsigned char)) {
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < b.size(); ++i)
    if (flagged(static_cast<unsigned char>(b[i]))) mask |= std::uint32_t{1} << i;
  return mask;
}

bool is_backslash(unsigned char c) { return c == '\\'; }

// The SSE2 masks (where built) and the portable ones agree with a byte-by-byte look.
void check(const block& b) {
  const std::uint32_t special = reference_mask(b, [](unsigned char c) { return detail::is_special(c); });
  const std::uint32_t backslash = reference_mask(b, is_backslash);
  BOOST_TEST(detail::special_mask(b.data()) == special);
  BOOST_TEST(detail::special_mask_words(b.data()) == special);
  BOOST_TEST(detail::backslash_mask(b.data()) == backslash);
  BOOST_TEST(detail::backslash_mask_words(b.data()) == backslash);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_string_scan)

BOOST_AUTO_TEST_CASE(gathering_high_bits_is_exact_for_every_pattern) {
  for (unsigned pattern = 0; pattern < 256; ++pattern) {
    std::uint64_t word = 0;
    for (unsigned i = 0; i < 8; ++i)
      if (pattern & (1U << i)) word |= std::uint64_t{0x80} << (8 * i);
    BOOST_TEST(detail::gather_highs(word) == pattern);
  }
}

BOOST_AUTO_TEST_CASE(every_byte_value_at_every_position_is_flagged_exactly) {
  for (const char filler : {'a', '\\', '"', '\x1f', '\x80', '\xff', ' '}) {
    for (std::size_t at = 0; at < detail::block_size; ++at) {
      for (unsigned value = 0; value < 256; ++value) {
        block b;
        b.fill(filler);
        b[at] = static_cast<char>(value);
        BOOST_TEST_CONTEXT("filler " << int(filler) << " byte " << value << " at " << at) { check(b); }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(random_blocks_are_flagged_exactly) {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 20000; ++round) {
    block b;
    for (char& c : b) c = static_cast<char>(byte(random));
    check(b);
  }
}

BOOST_AUTO_TEST_SUITE_END()
