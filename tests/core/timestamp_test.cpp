#include <eventwire/time/timestamp.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

using namespace std::chrono;
using eventwire::time::append_rfc3339;
using eventwire::time::parse_iso8601;
using eventwire::time::timestamp;

namespace {

std::string utc_text(std::string_view iso) {
  timestamp t;
  if (!parse_iso8601(iso, t)) return "invalid";
  std::string out;
  append_rfc3339(out, t.utc);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(timestamps)

BOOST_AUTO_TEST_CASE(vendor_forms) {
  BOOST_TEST(utc_text("2026-03-15T11:05:44Z") == "2026-03-15T11:05:44Z");
  BOOST_TEST(utc_text("2026-03-15T11:05:44.3322672Z") == "2026-03-15T11:05:44.3322672Z");
  BOOST_TEST(utc_text("2022-11-29T10:33:06.9036303Z") == "2022-11-29T10:33:06.9036303Z");
  BOOST_TEST(utc_text("2025-11-15T11:04:36.000Z") == "2025-11-15T11:04:36Z");
  BOOST_TEST(utc_text("2024-05-01T10:00:00.123+02:00") == "2024-05-01T08:00:00.123Z");
  BOOST_TEST(utc_text("2024-05-01T10:00:00-0530") == "2024-05-01T15:30:00Z");
  BOOST_TEST(utc_text("2024-05-01T10:00:00+01") == "2024-05-01T09:00:00Z");
  BOOST_TEST(utc_text("2024-05-01 10:00:00.5") == "2024-05-01T10:00:00.500Z");
  BOOST_TEST(utc_text("2024-05-01t10:00z") == "2024-05-01T10:00:00Z");
  BOOST_TEST(utc_text("2024-01-01T00:30:00+01:00") == "2023-12-31T23:30:00Z");
  BOOST_TEST(utc_text("0001-01-01T00:00:00Z") == "0001-01-01T00:00:00Z");
  BOOST_TEST(utc_text("9999-12-31T23:59:59.9999999Z") == "9999-12-31T23:59:59.9999999Z");
  BOOST_TEST(utc_text("2024-02-29T12:00:00Z") == "2024-02-29T12:00:00Z");
  BOOST_TEST(utc_text("2016-12-31T23:59:60Z") == "2016-12-31T23:59:59.9999999Z");
  BOOST_TEST(utc_text("2024-05-01T10:00:00.1234567891234Z") == "2024-05-01T10:00:00.1234567Z");
  BOOST_TEST(utc_text("2024-05-01T10:00:00.000001Z") == "2024-05-01T10:00:00.000001Z");
}

BOOST_AUTO_TEST_CASE(offsets_are_kept) {
  timestamp t;
  BOOST_TEST(parse_iso8601("2024-05-01T10:00:00+02:00", t));
  BOOST_TEST(t.has_offset);
  BOOST_TEST(t.offset_minutes == 120);
  BOOST_TEST(parse_iso8601("2024-05-01T10:00:00-05:30", t));
  BOOST_TEST(t.offset_minutes == -330);
  BOOST_TEST(parse_iso8601("2024-05-01T10:00:00", t));
  BOOST_TEST(!t.has_offset);
  BOOST_TEST(parse_iso8601("2024-05-01T10:00:00Z", t));
  BOOST_TEST(t.has_offset);
  BOOST_TEST(t.offset_minutes == 0);
}

BOOST_AUTO_TEST_CASE(rejects_what_is_not_a_date_time) {
  for (std::string_view bad :
       {"", "2024", "2024-05-01", "2024-05-01T", "2024-5-01T10:00:00Z", "2024-02-30T10:00:00Z",
        "2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z", "2024-05-01T24:00:00Z",
        "2024-05-01T10:60:00Z", "2024-05-01T10:00:61Z", "2024-05-01T10:00:00.Z",
        "2024-05-01T10:00:00+2", "2024-05-01T10:00:00+24:00", "2024-05-01T10:00:00+02:60",
        "2024-05-01T10:00:00Zjunk", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00+02:00",
        "9999-12-31T23:00:00-01:00", "2024-05-01X10:00:00Z", " 2024-05-01T10:00:00Z"})
    BOOST_TEST_CONTEXT(bad) { BOOST_TEST(utc_text(bad) == "invalid"); }
}

BOOST_AUTO_TEST_SUITE_END()
