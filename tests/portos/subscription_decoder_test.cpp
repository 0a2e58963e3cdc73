#include <eventwire/json/error.hpp>
#include <eventwire/portos/subscription_decoder.hpp>

#include <boost/test/unit_test.hpp>

#include <memory>
#include <ostream>
#include <string>

namespace portos = eventwire::portos;
using portos::error;
using portos::resource_action;

namespace {

struct outcome {
  std::error_code code;
  std::string path;
  friend bool operator==(const outcome&, const outcome&) = default;
  friend std::ostream& operator<<(std::ostream& os, const outcome& o) {
    return os << (o.code ? o.code.message() : "success") << " at '" << o.path << '\'';
  }
};

outcome decode_outcome(std::string_view json, portos::subscription_decoder::limits limits = {}) {
  portos::subscription_decoder decoder(limits);
  portos::subscription s;
  const std::error_code code = decoder.decode(json, s);
  return {code, std::string(decoder.error_path())};
}

portos::subscription decoded(std::string_view json) {
  portos::subscription_decoder decoder;
  portos::subscription s;
  const std::error_code code = decoder.decode(json, s);
  BOOST_TEST(!code, json << ": " << decoder.describe_error());
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(portos_subscription_decoder)

BOOST_AUTO_TEST_CASE(reads_the_seed_example) {
  const portos::subscription expected{
      "portos.resources.changed", {{"door", {resource_action::created, resource_action::deleted}}}};
  BOOST_TEST(
      decoded(R"({"e":"portos.resources.changed","r":[{"n":"door","a":["created","deleted"]}]})") ==
      expected);
}

BOOST_AUTO_TEST_CASE(reads_actions_as_numbers_too) {
  const portos::subscription expected{
      "portos.resources.changed",
      {{"door", {resource_action::created, resource_action::updated, resource_action::deleted}}}};
  BOOST_TEST(
      decoded(R"({"e":"portos.resources.changed","r":[{"n":"door","a":[1,"updated",3]}]})") ==
      expected);
}

BOOST_AUTO_TEST_CASE(absent_null_and_empty_mean_all) {
  const portos::subscription all{"portos.licence.activated", {}};
  BOOST_TEST(decoded(R"({"e":"portos.licence.activated"})") == all);
  BOOST_TEST(decoded(R"({"e":"portos.licence.activated","r":null})") == all);
  BOOST_TEST(decoded(R"({"e":"portos.licence.activated","r":[]})") == all);
  const portos::subscription any_action{"e", {{"door", {}}}};
  BOOST_TEST(decoded(R"({"e":"e","r":[{"n":"door"}]})") == any_action);
  BOOST_TEST(decoded(R"({"e":"e","r":[{"n":"door","a":null}]})") == any_action);
  BOOST_TEST(decoded(R"({"e":"e","r":[{"a":[],"n":"door"}]})") == any_action);
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored_and_strings_unescaped) {
  const portos::subscription expected{"portos.resources.changed",
                                      {{"do\"or", {resource_action::deleted}}}};
  BOOST_TEST(decoded(R"( {"x":[1,{"e":2}],"r":[{"y":null,"a":["deleted"],"n":"do\"or","z":{}}],)"
                     R"("e":"portos.resources.\u0063hanged","w":true} )") == expected);
}

BOOST_AUTO_TEST_CASE(errors_name_their_path) {
  struct row {
    const char* json;
    error code;
    const char* path;
  };
  const row rows[] = {
      {R"({})", error::missing_key, "e"},
      {R"({"r":[]})", error::missing_key, "e"},
      {R"({"e":"x","r":[{"n":"a"},{"a":["created"]}]})", error::missing_key, "r[1].n"},
      {R"({"e":1})", error::wrong_type, "e"},
      {R"({"e":null})", error::wrong_type, "e"},
      {R"({"e":"x","r":{}})", error::wrong_type, "r"},
      {R"({"e":"x","r":["door"]})", error::wrong_type, "r[0]"},
      {R"({"e":"x","r":[{"n":5}]})", error::wrong_type, "r[0].n"},
      {R"({"e":"x","r":[{"n":"d","a":"created"}]})", error::wrong_type, "r[0].a"},
      {R"({"e":"x","r":[{"n":"d","a":["created",true]}]})", error::wrong_type, "r[0].a[1]"},
      {R"({"e":"x","r":[{"n":"d","a":[null]}]})", error::wrong_type, "r[0].a[0]"},
      {R"({"e":"x","r":[{"n":"d","a":[["created"]]}]})", error::wrong_type, "r[0].a[0]"},
      {R"({"e":"x","r":[{"n":"d","a":["created","opened"]}]})", error::unknown_action, "r[0].a[1]"},
      {R"({"e":"x","r":[{"n":"d","a":["Created"]}]})", error::unknown_action, "r[0].a[0]"},
      {R"({"e":"x","r":[{"n":"d","a":[4]}]})", error::unknown_action, "r[0].a[0]"},
      {R"({"e":"x","r":[{"n":"d","a":[1.0]}]})", error::unknown_action, "r[0].a[0]"},
      {R"({"e":"x","r":[{"n":"d","a":["1"]}]})", error::unknown_action, "r[0].a[0]"},
      {R"({"e":"x","e":"y"})", error::duplicate_key, "e"},
      {R"({"e":"x","r":[{"n":"d","n":"e"}]})", error::duplicate_key, "r[0].n"},
      {R"({"e":"x",})", error::invalid_json, ""},
      {R"({"e":"x","r":[{"n":"d",]})", error::invalid_json, "r[0]"},
      {R"({"e":"x","r":[{"n":"d","a":[1,]}]})", error::invalid_json, "r[0].a[1]"},
      {R"({"e":"x","r":[{"n":"d","a":[1 2]}]})", error::invalid_json, "r[0].a"},
      {R"({"e":"x"} {})", error::invalid_json, ""},
      {R"([])", error::wrong_type, ""},
      {R"()", error::invalid_json, ""},
  };
  for (const row& r : rows) BOOST_TEST(decode_outcome(r.json) == (outcome{r.code, r.path}), r.json);
}

BOOST_AUTO_TEST_CASE(limits_are_errors) {
  const portos::subscription_decoder::limits small{.max_resources = 2, .max_actions = 3};
  BOOST_TEST(decode_outcome(R"({"e":"x","r":[{"n":"a"},{"n":"b"}]})", small) == (outcome{}));
  BOOST_TEST(decode_outcome(R"({"e":"x","r":[{"n":"a"},{"n":"b"},{"n":"c"}]})", small) ==
             (outcome{error::too_many_elements, "r"}));
  BOOST_TEST(decode_outcome(R"({"e":"x","r":[{"n":"a","a":[1,2,3,1]}]})", small) ==
             (outcome{error::too_many_elements, "r[0].a"}));
}

BOOST_AUTO_TEST_CASE(every_prefix_is_an_error) {
  const std::string json =
      R"({"e":"portos.resources.changed","r":[{"n":"door","a":["created",3]}]})";
  for (std::size_t size = 0; size < json.size(); ++size) {
    const auto copy = std::make_unique<char[]>(size + 1);
    json.copy(copy.get(), size);
    BOOST_TEST((decode_outcome(std::string_view(copy.get(), size)).code == error::invalid_json),
               json.substr(0, size));
  }
}

BOOST_AUTO_TEST_CASE(round_trips_through_the_encoder) {
  const portos::subscription cases[] = {
      {"portos.licence.activated", {}},
      {"portos.resources.changed", {{"door", {}}}},
      {"portos.resources.changed",
       {{"door", {resource_action::created, resource_action::deleted}},
        {"till", {resource_action::updated, resource_action::updated}},
        {"", {}}}},
      {"quote\" slash\\ nl\n tab\t ctl\x01 rs\x1e utf8 \xc5\xbe\xf0\x9f\x94\x91",
       {{"\"\\/", {resource_action::deleted}}}},
  };
  portos::subscription_decoder decoder;
  for (const portos::subscription& s : cases) {
    const std::string json = portos::encode_subscription(s);
    portos::subscription back;
    BOOST_TEST(!decoder.decode(json, back), json);
    BOOST_TEST(back == s, json);
  }
}

BOOST_AUTO_TEST_CASE(a_reused_decoder_forgets_the_previous_payload) {
  portos::subscription_decoder decoder;
  portos::subscription s;
  BOOST_TEST(
      !decoder.decode(R"({"e":"a","r":[{"n":"x","a":[1,2]},{"n":"y"},{"n":"z","a":[3]}]})", s));
  BOOST_TEST(s.resources.size() == 3u);
  BOOST_TEST(!decoder.decode(R"({"e":"b","r":[{"n":"w"}]})", s));
  BOOST_TEST(s == (portos::subscription{"b", {{"w", {}}}}));
  BOOST_TEST(!decoder.decode(R"({"e":"c"})", s));
  BOOST_TEST(s == (portos::subscription{"c", {}}));
}

BOOST_AUTO_TEST_SUITE_END()
