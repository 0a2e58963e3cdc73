#include <eventwire/signalr/raw_views.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace eventwire;
using namespace eventwire::signalr;

BOOST_AUTO_TEST_SUITE(raw_views_tests)

BOOST_AUTO_TEST_CASE(absent_views_are_empty) {
  BOOST_TEST(!raw_array().present());
  BOOST_TEST(raw_array().empty());
  BOOST_TEST(raw_array().size() == 0u);
  BOOST_TEST(string_list().empty());
  BOOST_TEST(string_map().empty());
}

BOOST_AUTO_TEST_CASE(raw_array_yields_exact_element_text) {
  const raw_array a(R"([ 1 ,"a\"b", {"x":[2]} ,null,[]])");
  std::vector<std::string> got;
  for (std::string_view e : a) got.emplace_back(e);
  BOOST_TEST(got == (std::vector<std::string>{"1", R"("a\"b")", R"({"x":[2]})", "null", "[]"}),
             boost::test_tools::per_element());
  BOOST_TEST(a.size() == 5u);
  BOOST_TEST(raw_array("[]").present());
  BOOST_TEST(raw_array("[]").empty());
}

BOOST_AUTO_TEST_CASE(string_list_yields_escaped_strings) {
  const string_list l(R"(["7","\u0038"])");
  std::vector<std::string> got;
  std::string scratch;
  for (const json::raw_string& s : l) got.emplace_back(s.decode(scratch));
  BOOST_TEST(got == (std::vector<std::string>{"7", "8"}), boost::test_tools::per_element());
  BOOST_TEST(l.size() == 2u);
}

BOOST_AUTO_TEST_CASE(string_map_yields_pairs_in_order) {
  const string_map m(R"({"a":"1","b\n":"2","a":"3"})");
  std::vector<std::string> got;
  std::string scratch;
  for (const auto& e : m) {
    std::string name(e.name.decode(scratch));
    got.push_back(name + "=" + std::string(e.value.decode(scratch)));
  }
  BOOST_TEST(got == (std::vector<std::string>{"a=1", "b\n=2", "a=3"}), boost::test_tools::per_element());
  BOOST_TEST(m.size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
