#include <eventwire/config/object_reader.hpp>

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

namespace json = boost::json;
using eventwire::config::object_reader;
using eventwire::config::problems;

namespace {

std::vector<std::string> lines(const problems& p) {
  std::vector<std::string> out;
  for (const auto& x : p.list()) out.push_back(x.path + ": " + x.message);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(config_object_reader)

BOOST_AUTO_TEST_CASE(members_are_read_with_their_types) {
  const json::value v = json::parse(R"({"url":"http://h","on":true,"n":7,"d":"1500ms","s":3,"list":["a","b"]})");
  problems p;
  object_reader r(v, "sources[0]", p);
  BOOST_TEST(*r.string("url", true) == "http://h");
  BOOST_TEST(*r.boolean("on"));
  BOOST_TEST(*r.unsigned_integer("n") == 7u);
  BOOST_TEST(r.duration("d")->count() == 1500);
  BOOST_TEST(r.duration("s")->count() == 3000);
  BOOST_TEST((r.strings("list") == std::vector<std::string>{"a", "b"}));
  BOOST_TEST(!r.string("absent").has_value());
  r.finish();
  BOOST_TEST(p.empty(), p.describe());
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_with_its_path) {
  const json::value v = json::parse(R"({"url":5,"on":"yes","n":-1,"d":"soon","list":["a",2],"extra":null})");
  problems p;
  object_reader r(v, "sources[1]", p);
  r.string("url", true);
  r.string("name", true);
  r.boolean("on");
  r.unsigned_integer("n", 100);
  r.duration("d");
  r.strings("list");
  r.finish();
  BOOST_TEST((lines(p) == std::vector<std::string>{
                  "sources[1].url: must be a string",
                  "sources[1].name: is required",
                  "sources[1].on: must be true or false",
                  "sources[1].n: must be a whole number from 0 to 100",
                  "sources[1].d: must be a duration such as \"10s\", \"1500ms\", \"2m\" or a number of seconds",
                  "sources[1].list[1]: must be a string",
                  "sources[1].extra: is not a known setting",
              }));
}

BOOST_AUTO_TEST_CASE(secrets_come_from_env_file_command_or_a_string) {
  const json::value v = json::parse(
      R"({"a":{"env":"TOKEN"},"b":{"file":"/run/secret"},"c":{"command":["vault","read"]},"d":"inline",
          "e":{"vault":"x"},"f":{"env":"X","more":1},"g":{"command":[]}})");
  problems p;
  object_reader r(v, "", p);
  BOOST_TEST(r.secret("a")->describe() == "environment variable TOKEN");
  BOOST_TEST(r.secret("b")->describe() == "file /run/secret");
  BOOST_TEST(r.secret("c").has_value());
  BOOST_TEST(r.secret("d").has_value());
  BOOST_TEST(!r.secret("e").has_value());
  r.secret("f");
  BOOST_TEST(!r.secret("g").has_value());
  r.finish();
  BOOST_TEST((lines(p) == std::vector<std::string>{
                  R"(e: must be {"env": NAME}, {"file": PATH}, {"command": [PROGRAM, ARGS...]} or a string)",
                  "f.more: is not a known setting",
                  "g.command: must name a program to run",
              }));
}

BOOST_AUTO_TEST_CASE(config_text_allows_comments_and_trailing_commas) {
  problems p;
  const auto v = eventwire::config::parse_config_text("{\n // note\n \"a\": [1, 2,],\n}", p);
  BOOST_TEST_REQUIRE(v.has_value(), p.describe());
  BOOST_TEST(v->at("a").as_array().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_syntax_error_names_its_line_and_column) {
  problems p;
  BOOST_TEST(!eventwire::config::parse_config_text("{\n  \"a\": [1,\n  }", p).has_value());
  BOOST_TEST_REQUIRE(p.list().size() == 1u);
  BOOST_TEST(p.list()[0].message.starts_with("not valid JSON at line 3, column 3"), p.list()[0].message);
}

BOOST_AUTO_TEST_CASE(a_non_object_is_reported_once) {
  const json::value v = json::parse("[1]");
  problems p;
  object_reader r(v, "sinks[0]", p);
  BOOST_TEST(!r.is_object());
  r.string("type", true);
  r.finish();
  BOOST_TEST((lines(p) == std::vector<std::string>{"sinks[0]: must be an object"}));
}

BOOST_AUTO_TEST_SUITE_END()
