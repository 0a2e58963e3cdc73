#pragma once

// The property every codec test asserts: an input fed whole, split at any one point, or byte by
// byte gives the same events.

#include <eventwire/testing/chunks.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventwire::testing {

// `decode(input, cuts)` feeds `input` cut at `cuts` (use feed_in_chunks) and returns every event,
// and the final error if any, rendered as text. Returns the result of the whole feed so the caller
// can compare it with what it expects.
//
// Every single cut is tried; for large inputs pass `stride` > 1 to try every cut within `edge`
// bytes of either end and every `stride`th one between them.
template <class Decode>
std::vector<std::string> check_all_splits(std::string_view input, Decode&& decode, std::size_t stride = 1,
                                          std::size_t edge = 64) {
  const std::vector<std::string> whole = decode(input, std::span<const std::size_t>{});
  for (std::size_t at = 1; at < input.size(); at += at < edge || at + edge >= input.size() ? 1 : stride) {
    const std::size_t cut[] = {at};
    const auto split = decode(input, std::span<const std::size_t>(cut));
    BOOST_TEST_CONTEXT("input split at offset " << at) { BOOST_TEST(split == whole, boost::test_tools::per_element()); }
  }
  const auto bytes = every_byte(input.size());
  const auto by_byte = decode(input, std::span<const std::size_t>(bytes));
  BOOST_TEST_CONTEXT("input fed byte by byte") { BOOST_TEST(by_byte == whole, boost::test_tools::per_element()); }
  return whole;
}

}  // namespace eventwire::testing
