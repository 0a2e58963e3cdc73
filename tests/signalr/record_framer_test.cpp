#include "signalr_testing.hpp"

#include <eventwire/codec/condition.hpp>
#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/record_framer.hpp>
#include <eventwire/testing/split_check.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace eventwire;
using namespace eventwire::signalr;
using codec::status;

namespace {

// Every record (or the error) found in `input` cut at `cuts`.
std::vector<std::string> records(std::string_view input, std::span<const std::size_t> cuts,
                                 std::size_t max_record_size = record_framer::default_max_record_size) {
  std::vector<std::string> out;
  const std::string failure =
      signalr::testing::frame(input, cuts, [&out](std::string_view r) { out.emplace_back(r); }, max_record_size);
  if (!failure.empty()) out.push_back(failure);
  return out;
}

auto records_limited(std::size_t max) {
  return [max](std::string_view input, std::span<const std::size_t> cuts) { return records(input, cuts, max); };
}

using strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(record_framer_tests)

BOOST_AUTO_TEST_CASE(one_record) {
  const auto got = eventwire::testing::check_all_splits("{\"type\":6}\x1e", records_limited(1 << 20));
  BOOST_TEST(got == strings{"{\"type\":6}"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(many_records_in_one_input) {
  const std::string input = "{\"type\":6}\x1e{}\x1e\x1e{\"type\":1,\"target\":\"a\",\"arguments\":[]}\x1e";
  const auto got = eventwire::testing::check_all_splits(input, records_limited(1 << 20));
  BOOST_TEST(got == (strings{"{\"type\":6}", "{}", "", "{\"type\":1,\"target\":\"a\",\"arguments\":[]}"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(record_across_many_inputs) {
  const std::string body(1000, 'x');
  const std::string input = body + "\x1e";
  const std::vector<std::size_t> cuts = {1, 10, 100, 500, 999, 1000};
  BOOST_TEST(records(input, cuts) == strings{body}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(record_view_points_into_contiguous_input) {
  const std::string input = "{\"type\":6}\x1e{\"type\":7}\x1e";
  record_framer framer;
  auto r = framer.feed(input);
  BOOST_TEST(r == (codec::feed_result{11, status::event}));
  BOOST_TEST(static_cast<const void*>(framer.record().data()) == static_cast<const void*>(input.data()));
  r = framer.feed(std::string_view(input).substr(11));
  BOOST_TEST(r == (codec::feed_result{11, status::event}));
  BOOST_TEST(static_cast<const void*>(framer.record().data()) == static_cast<const void*>(input.data() + 11));
  BOOST_TEST(framer.record() == "{\"type\":7}");
  BOOST_TEST(framer.feed("").state == status::need_more);
  BOOST_TEST(!framer.finish());
}

BOOST_AUTO_TEST_CASE(spanning_record_is_copied_then_next_is_a_view_again) {
  record_framer framer;
  BOOST_TEST(framer.feed("{\"ty") == (codec::feed_result{4, status::need_more}));
  BOOST_TEST(framer.buffered() == 4u);
  const std::string second = "pe\":6}\x1e{}\x1e";
  BOOST_TEST(framer.feed(second) == (codec::feed_result{7, status::event}));
  BOOST_TEST(framer.record() == "{\"type\":6}");
  BOOST_TEST(framer.feed(std::string_view(second).substr(7)) == (codec::feed_result{3, status::event}));
  BOOST_TEST(static_cast<const void*>(framer.record().data()) == static_cast<const void*>(second.data() + 7));
  BOOST_TEST(framer.buffered() == 0u);
}

BOOST_AUTO_TEST_CASE(record_followed_by_part_of_the_next) {
  record_framer framer;
  const std::string input = "{}\x1e{\"type\"";
  const auto r = framer.feed(input);
  BOOST_TEST(r == (codec::feed_result{3, status::event}));
  BOOST_TEST(framer.record() == "{}");
  BOOST_TEST(framer.feed(std::string_view(input).substr(3)) == (codec::feed_result{7, status::need_more}));
  BOOST_TEST(framer.finish() == make_error_code(error::record_incomplete));
  // Whole and split agree on it too.
  const auto got = eventwire::testing::check_all_splits(input, records_limited(1 << 20));
  BOOST_TEST(got == (strings{"{}", "error: connection ended inside a record"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(record_of_exactly_the_limit_passes) {
  const auto got = eventwire::testing::check_all_splits("0123456789\x1e", records_limited(10));
  BOOST_TEST(got == strings{"0123456789"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(limit_exceeded_in_one_input) {
  const auto got = eventwire::testing::check_all_splits("01234567890\x1e{}\x1e", records_limited(10));
  BOOST_TEST(got == strings{"error: SignalR record exceeds the maximum record size"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(limit_exceeded_while_buffering_before_any_separator) {
  record_framer framer;
  framer.max_record_size = 10;
  BOOST_TEST(framer.feed("0123456") == (codec::feed_result{7, status::need_more}));
  BOOST_TEST(framer.feed("7890") == (codec::feed_result{0, status::error}));
  BOOST_TEST(framer.error() == make_error_code(error::record_too_large));
  BOOST_TEST((framer.error() == codec::condition::limit_exceeded));
  BOOST_TEST(framer.buffered() <= 10u);
}

BOOST_AUTO_TEST_CASE(errors_stick_until_reset) {
  record_framer framer;
  framer.max_record_size = 2;
  BOOST_TEST(framer.feed("abc").state == status::error);
  BOOST_TEST(framer.feed("\x1e").state == status::error);
  BOOST_TEST(framer.finish() == make_error_code(error::record_too_large));
  framer.reset();
  BOOST_TEST(framer.feed("ab\x1e") == (codec::feed_result{3, status::event}));
  BOOST_TEST(framer.record() == "ab");
}

BOOST_AUTO_TEST_CASE(finish_mid_record_is_an_error) {
  record_framer framer;
  BOOST_TEST(framer.feed("{\"type\":").state == status::need_more);
  BOOST_TEST(framer.finish() == make_error_code(error::record_incomplete));
  BOOST_TEST((framer.finish() == codec::condition::protocol_violation));
  BOOST_TEST(framer.feed("6}\x1e").state == status::error);
}

BOOST_AUTO_TEST_CASE(finish_after_whole_records_is_clean) {
  record_framer framer;
  BOOST_TEST(framer.feed("{}\x1e").state == status::event);
  BOOST_TEST(!framer.finish());
  BOOST_TEST(framer.record().empty());
}

BOOST_AUTO_TEST_SUITE_END()
