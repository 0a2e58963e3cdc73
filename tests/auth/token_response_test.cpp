#include <eventwire/auth/error.hpp>
#include <eventwire/auth/token_response.hpp>

#include <boost/test/unit_test.hpp>

namespace auth = eventwire::auth;
using auth::error;
using namespace std::chrono_literals;

namespace {

std::error_code parse(std::string_view body, auth::token_response& out) {
  return auth::parse_token_response(body, out);
}

std::error_code parse(std::string_view body) {
  auth::token_response ignored;
  return auth::parse_token_response(body, ignored);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(token_response)

BOOST_AUTO_TEST_CASE(reads_an_identityserver_response) {
  auth::token_response r;
  BOOST_TEST_REQUIRE(!parse(R"({"access_token":"eyJ\u0041.b","expires_in":3600,)"
                            R"("token_type":"Bearer","refresh_token":"r-1","scope":"api offline",)"
                            R"("id_token":"skipped","nested":{"a":[1,2]}})",
                            r));
  BOOST_TEST(r.access_token == "eyJA.b");
  BOOST_TEST(r.token_type == "Bearer");
  BOOST_TEST_REQUIRE(r.expires_in.has_value());
  BOOST_TEST(r.expires_in->count() == 3600);
  BOOST_TEST(r.refresh_token == "r-1");
  BOOST_TEST(r.scope == "api offline");
}

BOOST_AUTO_TEST_CASE(expires_in_may_be_a_string_a_fraction_or_absent) {
  auth::token_response r;
  BOOST_TEST_REQUIRE(!parse(R"({"access_token":"t","token_type":"bearer","expires_in":"300"})", r));
  BOOST_TEST(r.expires_in->count() == 300);
  BOOST_TEST_REQUIRE(!parse(R"({"access_token":"t","expires_in":299.9})", r));
  BOOST_TEST(r.expires_in->count() == 299);
  BOOST_TEST_REQUIRE(!parse(R"({"access_token":"t","expires_in":null,"refresh_token":null})", r));
  BOOST_TEST(!r.expires_in.has_value());
  BOOST_TEST(r.refresh_token.empty());
  BOOST_TEST_REQUIRE(!parse(R"({"access_token":"t"})", r));
  BOOST_TEST(!r.expires_in.has_value());
  BOOST_TEST(r.token_type.empty());
}

BOOST_AUTO_TEST_CASE(a_huge_lifetime_is_capped_at_ten_years) {
  auth::token_response r;
  BOOST_TEST_REQUIRE(!parse(R"({"access_token":"t","expires_in":99999999999999999999999})", r));
  BOOST_TEST(r.expires_in->count() == 10LL * 365 * 24 * 3600);
  BOOST_TEST_REQUIRE(!parse(R"({"access_token":"t","expires_in":1e300})", r));
  BOOST_TEST(r.expires_in->count() == 10LL * 365 * 24 * 3600);
}

BOOST_AUTO_TEST_CASE(malformed_responses_are_invalid) {
  const std::error_code invalid = error::invalid_token_response;
  BOOST_TEST(parse("") == invalid);
  BOOST_TEST(parse("<html>502</html>") == invalid);
  BOOST_TEST(parse(R"(["access_token"])") == invalid);
  BOOST_TEST(parse(R"({"token_type":"Bearer"})") == invalid);
  BOOST_TEST(parse(R"({"access_token":""})") == invalid);
  BOOST_TEST(parse(R"({"access_token":42})") == invalid);
  BOOST_TEST(parse(R"({"access_token":"t","expires_in":-5})") == invalid);
  BOOST_TEST(parse(R"({"access_token":"t","expires_in":"soon"})") == invalid);
  BOOST_TEST(parse(R"({"access_token":"t","expires_in":true})") == invalid);
  BOOST_TEST(parse(R"({"access_token":"t"} trailing)") == invalid);
  BOOST_TEST(parse(R"({"access_token":"t")") == invalid);
}

BOOST_AUTO_TEST_CASE(only_bearer_tokens_are_accepted) {
  BOOST_TEST(parse(R"({"access_token":"t","token_type":"mac"})") ==
             std::error_code(error::unsupported_token_type));
  BOOST_TEST(!parse(R"({"access_token":"t","token_type":"BEARER"})"));
}

BOOST_AUTO_TEST_CASE(reads_oauth2_error_responses) {
  auth::oauth2_error_response e;
  BOOST_TEST_REQUIRE(auth::parse_oauth2_error(
      R"({"error":"invalid_grant","error_description":"Refresh token \"expired\"","error_uri":"x"})",
      e));
  BOOST_TEST(e.error == "invalid_grant");
  BOOST_TEST(e.description == "Refresh token \"expired\"");
  BOOST_TEST_REQUIRE(auth::parse_oauth2_error(R"({"error":"invalid_client"})", e));
  BOOST_TEST(e.description.empty());
  BOOST_TEST(!auth::parse_oauth2_error(R"({"access_token":"t"})", e));
  BOOST_TEST(!auth::parse_oauth2_error("Internal Server Error", e));
  BOOST_TEST(!auth::parse_oauth2_error(R"({"error":7})", e));
}

BOOST_AUTO_TEST_CASE(oauth2_error_names_map_to_codes) {
  BOOST_TEST(auth::oauth2_error_code("invalid_request") == std::error_code(error::invalid_request));
  BOOST_TEST(auth::oauth2_error_code("invalid_client") == std::error_code(error::invalid_client));
  BOOST_TEST(auth::oauth2_error_code("invalid_grant") == std::error_code(error::invalid_grant));
  BOOST_TEST(auth::oauth2_error_code("unauthorized_client") ==
             std::error_code(error::unauthorized_client));
  BOOST_TEST(auth::oauth2_error_code("unsupported_grant_type") ==
             std::error_code(error::unsupported_grant_type));
  BOOST_TEST(auth::oauth2_error_code("invalid_scope") == std::error_code(error::invalid_scope));
  BOOST_TEST(auth::oauth2_error_code("temporarily_unavailable") ==
             std::error_code(error::oauth2_error));
}

BOOST_AUTO_TEST_SUITE_END()
