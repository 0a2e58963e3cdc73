#include "samples.hpp"

#include <boost/test/unit_test.hpp>

namespace samples = missioncontrol_samples;

BOOST_AUTO_TEST_SUITE(missioncontrol_print)

BOOST_AUTO_TEST_CASE(a_notification_reads_like_its_fields) {
  BOOST_TEST(samples::decode_printed(samples::state_changed) ==
             R"(incident_notification{type=StateChanged, )"
             R"(incident_id="6c3f2a9e-8d1b-4f7a-9b2e-1f0d4c5a7e21", )"
             R"(timestamp="2024-05-14T09:21:37.1234567Z" (2024-05-14T09:21:37.1234567Z), payload=)" +
                 std::string(samples::state_changed) + "}");
}

BOOST_AUTO_TEST_CASE(an_unknown_type_prints_its_name) {
  BOOST_TEST(samples::decode_printed(R"({"Type":"Esc\"alated"})") ==
             R"(incident_notification{type=unknown "Esc\"alated", incident_id=null, )"
             R"(timestamp=null, payload={"Type":"Esc\"alated"}})");
}

BOOST_AUTO_TEST_CASE(an_error_prints_its_key) {
  BOOST_TEST(samples::decode_printed(R"({"Type":3})") == "error: value has the wrong type at 'Type'");
}

BOOST_AUTO_TEST_SUITE_END()
