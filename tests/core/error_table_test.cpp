#include <eventwire/codec/condition.hpp>
#include <eventwire/codec/error_table.hpp>
#include <eventwire/codec/feed_result.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>

namespace codec = eventwire::codec;

BOOST_AUTO_TEST_SUITE(error_table)

BOOST_AUTO_TEST_CASE(codes_map_to_messages_and_conditions) {
  static const codec::error_entry table[] = {
      {"first problem", codec::condition::protocol_violation},
      {"too big", codec::condition::limit_exceeded},
  };
  static const codec::table_category category("test.codec", table);
  const std::error_code first(1, category), second(2, category), unknown(7, category);
  BOOST_TEST(first.message() == "first problem");
  BOOST_TEST(second.message() == "too big");
  BOOST_TEST(unknown.message() == "test.codec error 7");
  BOOST_TEST(first == codec::condition::protocol_violation);
  BOOST_TEST(second == codec::condition::limit_exceeded);
  BOOST_TEST(second != codec::condition::protocol_violation);
  BOOST_TEST(make_error_condition(codec::condition::limit_exceeded).message() ==
             "a configured limit was exceeded");
}

BOOST_AUTO_TEST_CASE(feed_results_print) {
  std::ostringstream os;
  os << codec::feed_result{12, codec::status::event} << ' ' << codec::status::need_more << ' '
     << codec::status::error;
  BOOST_TEST(os.str() == "{12, event} need_more error");
}

BOOST_AUTO_TEST_SUITE_END()
