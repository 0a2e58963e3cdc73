#include "detail/receive_buffer.hpp"

#include <boost/test/unit_test.hpp>

#include <cstring>

using eventwire::net::detail::receive_buffer;

namespace {

// A read of `n` bytes (at most what space() offers) into `b`; returns the room it was offered.
std::size_t read(receive_buffer& b, std::size_t n) {
  const auto room = b.space();
  BOOST_REQUIRE(n <= room.size());
  std::memset(room.data(), 'x', n);
  b.commit(n);
  return room.size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(net_receive_buffer)

BOOST_AUTO_TEST_CASE(full_reads_double_the_room_up_to_the_largest) {
  receive_buffer b(64, 512);
  BOOST_TEST(read(b, 64) == 64u);
  b.consume(64);
  BOOST_TEST(read(b, 128) == 128u);
  b.consume(128);
  BOOST_TEST(read(b, 256) == 256u);
  b.consume(256);
  BOOST_TEST(read(b, 512) == 512u);
  b.consume(512);
  BOOST_TEST(read(b, 512) == 512u);  // the largest is kept while reads keep filling it
  b.consume(512);
  BOOST_TEST(read(b, 300) == 512u);  // a partial read that is not small changes nothing
  b.consume(300);
  BOOST_TEST(b.capacity() == 512u);
}

BOOST_AUTO_TEST_CASE(a_small_read_brings_the_base_size_back) {
  receive_buffer b(64, 512);
  read(b, 64);
  b.consume(64);
  read(b, 128);
  b.consume(128);
  BOOST_TEST(read(b, 15) == 256u);  // under a quarter of the base: caught up
  b.consume(15);
  BOOST_TEST(read(b, 10) == 64u);
  b.consume(10);
  BOOST_TEST(b.capacity() == 64u);
}

BOOST_AUTO_TEST_CASE(the_size_changes_only_between_reads_with_nothing_pending) {
  receive_buffer b(64, 512);
  read(b, 64);
  const std::string_view first = b.pending();
  BOOST_TEST(first.size() == 64u);
  b.consume(60);  // four bytes stay pending: the buffer must keep them where they are
  BOOST_TEST(b.space().size() == 0u);
  BOOST_TEST(b.pending() == std::string_view("xxxx"));
  b.consume(4);
  BOOST_TEST(read(b, 1) == 128u);  // empty again: the larger size takes effect
}

BOOST_AUTO_TEST_CASE(bytes_from_the_upgrade_are_kept_even_past_the_base_size) {
  receive_buffer b(8, 16);
  b.assign("0123456789abcdefXYZ");
  BOOST_TEST(b.pending() == "0123456789abcdefXYZ");
  b.consume(19);
  BOOST_TEST(b.empty());
  BOOST_TEST(read(b, 1) == 19u);
  b.consume(1);
  BOOST_TEST(read(b, 1) == 8u);  // a small read: back to the base size
}

BOOST_AUTO_TEST_SUITE_END()
