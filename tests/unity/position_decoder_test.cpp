#include <eventwire/json/error.hpp>
#include <eventwire/unity/error.hpp>
#include <eventwire/unity/position_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <cstring>
#include <memory>
#include <string>

namespace unity = eventwire::unity;
using unity::error;

namespace {

struct outcome {
  std::error_code code;
  std::string path;
  std::string position;
  friend bool operator==(const outcome&, const outcome&) = default;
  friend std::ostream& operator<<(std::ostream& os, const outcome& o) {
    return os << (o.code ? o.code.message() : "success") << " at '" << o.path << "' position '"
              << o.position << '\'';
  }
};

outcome decode_exact(std::string_view json) {
  const auto copy = std::make_unique<char[]>(json.size() + 1);
  std::memcpy(copy.get(), json.data(), json.size());
  unity::position_decoder decoder;
  eventwire::json::raw_string position;
  const std::error_code code = decoder.decode(std::string_view(copy.get(), json.size()), position);
  std::string decoded;
  if (!code) position.append_to(decoded);
  return {code, std::string(decoder.error_path()), decoded};
}

constexpr std::string_view sample = R"({"Position":"5kSfGOdOAAAAAAAAYzg0MjViMzg"})";

}  // namespace

BOOST_AUTO_TEST_SUITE(unity_position_decoder)

BOOST_AUTO_TEST_CASE(reads_the_position) {
  BOOST_TEST(decode_exact(sample) == (outcome{{}, "", "5kSfGOdOAAAAAAAAYzg0MjViMzg"}));
  unity::position_decoder decoder;
  eventwire::json::raw_string position;
  BOOST_REQUIRE(!decoder.decode(sample, position));
  BOOST_TEST(position.escaped.data() == sample.data() + 13);
}

BOOST_AUTO_TEST_CASE(case_unknown_keys_whitespace_and_escapes) {
  BOOST_TEST(decode_exact(R"( {"x":[1,{"Position":2}], "position" : "a\u002Fb" } )") ==
             (outcome{{}, "", "a/b"}));
}

BOOST_AUTO_TEST_CASE(errors) {
  BOOST_TEST(decode_exact("{}") == (outcome{error::missing_key, "Position", ""}));
  BOOST_TEST(decode_exact(R"({"Position":""})") == (outcome{error::empty_position, "Position", ""}));
  for (const char* value : {"null", "1", "{}", "[]", "true"})
    BOOST_TEST(decode_exact(std::string(R"({"Position":)") + value + "}") ==
                   (outcome{error::wrong_type, "Position", ""}),
               value);
  BOOST_TEST(decode_exact(R"({"Position":"a","POSITION":"b"})") ==
             (outcome{error::duplicate_key, "Position", ""}));
  BOOST_TEST(decode_exact(R"("abc")") == (outcome{error::wrong_type, "", ""}));
  BOOST_TEST(decode_exact(std::string(sample) + "x") == (outcome{error::invalid_json, "", ""}));
  for (std::size_t size = 0; size < sample.size(); ++size)
    BOOST_TEST((decode_exact(sample.substr(0, size)).code == error::invalid_json),
               sample.substr(0, size));
}

BOOST_AUTO_TEST_CASE(describes_its_error) {
  unity::position_decoder decoder;
  eventwire::json::raw_string position;
  BOOST_TEST((decoder.decode(R"({"Position":""})", position) == error::empty_position));
  BOOST_TEST(decoder.describe_error() == "position is empty at Position at offset 12");
  BOOST_TEST((decoder.decode(R"({"Position":7})", position) == error::wrong_type));
  BOOST_TEST((decoder.json_error() == eventwire::json::error::expected_string));
  BOOST_TEST(decoder.error_offset() == 12u);
}

BOOST_AUTO_TEST_SUITE_END()
