#include "samples.hpp"

#include <eventwire/unity/api_error.hpp>
#include <eventwire/unity/fetch_page.hpp>
#include <eventwire/unity/position.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <sstream>

namespace unity = eventwire::unity;
namespace samples = unity_samples;

namespace {
template <class T>
std::string printed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(unity_print)

BOOST_AUTO_TEST_CASE(a_page_reads_like_its_fields) {
  const std::string json = samples::with(
      samples::empty_page, "Notifications",
      R"([{"EventType":"Endpoint.FileDetection","EventObjectName":"E","UnityAPIEventId":"id-1",)"
      R"("E":{"Timestamp":"2022-11-29T10:32:07.5+01:00","FileName":"eicar.com"}}])");
  BOOST_TEST(samples::decode_printed(samples::with(json, "Count", "1")) ==
             R"(fetch_page{subscription_id="222c9efe-c76d-41a9-a41b-c86a955a5529", count=1, )"
             R"(next_position="qZZBBqiWQQZ7uJSD9dHaCCkJAAAAAAAAMjIyYzllZmUtYzc2ZC00MWE5LWE0MWItYzg2YTk1NWE1NTI5", )"
             R"(more_available=false, notifications=[notification{event_type="Endpoint.FileDetection", )"
             R"(event_object_name="E", event_id="id-1", )"
             R"(time="2022-11-29T10:32:07.5+01:00" (2022-11-29T09:32:07.500Z), )"
             R"(event={"Timestamp":"2022-11-29T10:32:07.5+01:00","FileName":"eicar.com"}}]})");
}

BOOST_AUTO_TEST_CASE(an_error_reads_like_its_fields) {
  BOOST_TEST(samples::decode_printed("{}") == "error: required key is missing at 'SubscriptionId'");
  eventwire::unity::api_error e;
  e.message = eventwire::json::raw_string{"Position expired", false};
  e.status_code = 400;
  BOOST_TEST(printed(e) ==
             R"(api_error{error=null, description=null, message="Position expired", )"
             R"(status_code=400, request_id=null})");
}

BOOST_AUTO_TEST_CASE(position_requests_read_like_their_fields) {
  using namespace std::chrono;
  BOOST_TEST(printed(unity::position_request{unity::position_type::oldest, {}}) ==
             "position_request{type=horizon}");
  const unity::position_request at{unity::position_type::date,
                                   sys_days(2024y / April / 24) + 3h};
  BOOST_TEST(printed(at) == "position_request{type=date, start_date=2024-04-24T03:00:00Z}");
  BOOST_TEST(printed(static_cast<unity::position_type>(9)) == "position_type(9)");
}

BOOST_AUTO_TEST_SUITE_END()
