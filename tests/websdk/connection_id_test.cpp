#include <eventwire/websdk/connection_id.hpp>
#include <eventwire/websdk/error.hpp>
#include <eventwire/websdk/guid.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace websdk = eventwire::websdk;

BOOST_AUTO_TEST_SUITE(websdk_connection_id)

BOOST_AUTO_TEST_CASE(the_first_line_and_the_header) {
  const std::string guid = "f810a565-16cc-493c-8749-41ee8b999539";
  for (const std::string& line : {"ConnectionId:" + guid, "ConnectionId: " + guid,
                                 "connectionid:\t" + guid + "\r", "CONNECTIONID:" + guid + " \r\n"}) {
    std::string_view id;
    BOOST_TEST(!websdk::parse_connection_id_line(line, id), line);
    BOOST_TEST(id == guid);
    BOOST_TEST((id.data() >= line.data() && id.data() + id.size() <= line.data() + line.size()));
  }
  std::string_view id;
  const std::string header_value = " " + guid + " ";
  BOOST_TEST(!websdk::parse_connection_id_value(header_value, id));
  BOOST_TEST(id == guid);
}

BOOST_AUTO_TEST_CASE(other_lines_are_errors) {
  for (const char* line : {"", "ConnectionId", "ConnectionId:", "ConnectionId:f810a565",
                           "Connection-Id:f810a565-16cc-493c-8749-41ee8b999539",
                           "ConnectionId:{f810a565-16cc-493c-8749-41ee8b999539}",
                           "ConnectionId:f810a565-16cc-493c-8749-41ee8b999539x", "KeepAlive",
                           "--GENETECBOUNDARY"}) {
    std::string_view id = "unchanged";
    BOOST_TEST((websdk::parse_connection_id_line(line, id) == websdk::error::invalid_connection_id), line);
    BOOST_TEST(id == "unchanged");
  }
}

BOOST_AUTO_TEST_CASE(guids) {
  BOOST_TEST(websdk::is_guid(websdk::nil_guid));
  BOOST_TEST(websdk::is_guid("C319DE11-3FB9-4C42-B4EE-1745C7287799"));
  BOOST_TEST(!websdk::is_guid("c319de11-3fb9-4c42-b4ee-1745c728779"));
  BOOST_TEST(!websdk::is_guid("c319de113fb9-4c42-b4ee-1745c72877990"));
  BOOST_TEST(!websdk::is_guid(""));
}

BOOST_AUTO_TEST_SUITE_END()
