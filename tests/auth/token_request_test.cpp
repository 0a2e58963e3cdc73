#include <eventwire/auth/token_request.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>

namespace auth = eventwire::auth;
using auth::client_authentication;
using auth::grant_type;

BOOST_AUTO_TEST_SUITE(token_request)

BOOST_AUTO_TEST_CASE(form_encode_keeps_only_unreserved_bytes) {
  BOOST_TEST(auth::form_encode("AZaz09-._~") == "AZaz09-._~");
  BOOST_TEST(auth::form_encode("a b&c=d/e+f%\xc3\xa9") == "a%20b%26c%3Dd%2Fe%2Bf%25%C3%A9");
  BOOST_TEST(auth::form_encode("") == "");
}

BOOST_AUTO_TEST_CASE(basic_authorization_encodes_each_part_then_base64) {
  BOOST_TEST(auth::basic_authorization("a", "b") == "Basic YTpi");
  BOOST_TEST(auth::basic_authorization("ab", "c") == "Basic YWI6Yw==");
  BOOST_TEST(auth::basic_authorization("abc", "d") == "Basic YWJjOmQ=");
  BOOST_TEST(auth::basic_authorization("client id", "p:ss") == "Basic Y2xpZW50JTIwaWQ6cCUzQXNz");
}

BOOST_AUTO_TEST_CASE(client_credentials_in_the_body) {
  auto r = auth::make_token_request({.grant = grant_type::client_credentials,
                                     .client_id = "svc",
                                     .client_secret = "x y",
                                     .scope = "unity.read unity.write"});
  BOOST_TEST(r.body ==
             "grant_type=client_credentials&scope=unity.read%20unity.write&client_id=svc&"
             "client_secret=x%20y");
  BOOST_TEST(r.authorization.empty());
}

BOOST_AUTO_TEST_CASE(client_credentials_with_http_basic) {
  auto r = auth::make_token_request({.grant = grant_type::client_credentials,
                                     .client_id = "a",
                                     .client_secret = "b",
                                     .authentication = client_authentication::http_basic});
  BOOST_TEST(r.body == "grant_type=client_credentials");
  BOOST_TEST(r.authorization == "Basic YTpi");
}

BOOST_AUTO_TEST_CASE(a_public_client_sends_its_id_in_the_body_even_with_basic) {
  auto r = auth::make_token_request({.grant = grant_type::refresh_token,
                                     .client_id = "app",
                                     .authentication = client_authentication::http_basic,
                                     .refresh_token = "r/1"});
  BOOST_TEST(r.body == "grant_type=refresh_token&refresh_token=r%2F1&client_id=app");
  BOOST_TEST(r.authorization.empty());
}

BOOST_AUTO_TEST_CASE(password_grant_with_extra_parameters) {
  const std::pair<std::string, std::string> extra[] = {{"acr_values", "tenant:site 42"}};
  auto r = auth::make_token_request({.grant = grant_type::password,
                                     .client_id = "clay",
                                     .client_secret = "s",
                                     .username = "op@example",
                                     .password = "p&w",
                                     .extra = extra});
  BOOST_TEST(r.body ==
             "grant_type=password&username=op%40example&password=p%26w&"
             "acr_values=tenant%3Asite%2042&client_id=clay&client_secret=s");
}

BOOST_AUTO_TEST_CASE(grants_print_their_wire_names) {
  std::ostringstream os;
  os << grant_type::client_credentials << ' ' << grant_type::password << ' '
     << grant_type::refresh_token << ' ' << client_authentication::http_basic << ' '
     << client_authentication::request_body;
  BOOST_TEST(os.str() == "client_credentials password refresh_token http_basic request_body");
}

BOOST_AUTO_TEST_SUITE_END()
