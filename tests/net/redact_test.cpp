#include <eventwire/net/redact.hpp>

#include <boost/test/unit_test.hpp>

namespace net = eventwire::net;

BOOST_AUTO_TEST_SUITE(redact)

BOOST_AUTO_TEST_CASE(masks_credential_query_values) {
  BOOST_TEST(net::redact("wss://h/hub?access_token=eyJhbGci.x.y&collection=42") ==
             "wss://h/hub?access_token=***&collection=42");
  BOOST_TEST(net::redact("wss://h/hub?id=conn-token-1") == "wss://h/hub?id=***");
  BOOST_TEST(net::redact("https://h/p?a=1&Token=t&b=2&API_KEY=k") ==
             "https://h/p?a=1&Token=***&b=2&API_KEY=***");
  BOOST_TEST(net::redact("https://h/p?code=c#frag") == "https://h/p?code=***#frag");
}

BOOST_AUTO_TEST_CASE(leaves_other_parts_alone) {
  BOOST_TEST(net::redact("https://h/p") == "https://h/p");
  BOOST_TEST(net::redact("https://h/p?negotiateVersion=1&flag") ==
             "https://h/p?negotiateVersion=1&flag");
  BOOST_TEST(net::redact("https://h/p?") == "https://h/p?");
  BOOST_TEST(net::redact("https://h/p?id") == "https://h/p?id");
  BOOST_TEST(net::redact("https://h/p?identity=me") == "https://h/p?identity=me");
}

BOOST_AUTO_TEST_CASE(masks_passwords_in_userinfo_even_in_unparsable_text) {
  BOOST_TEST(net::redact("http://user:s3cret@h/p?token=t") == "http://user:***@h/p?token=***");
  BOOST_TEST(net::redact("http://user@h/p") == "http://user@h/p");
  BOOST_TEST(net::redact("not a url ?access_token=zzz") == "not a url ?access_token=***");
}

BOOST_AUTO_TEST_CASE(redacts_a_parsed_url) {
  net::url u;
  BOOST_REQUIRE(!net::parse_url("https://h:8443/hub?access_token=abc", u));
  BOOST_TEST(net::redact(u) == "https://h:8443/hub?access_token=***");
  BOOST_TEST(net::is_secret_parameter("ACCESS_TOKEN"));
  BOOST_TEST(!net::is_secret_parameter("collection"));
}

BOOST_AUTO_TEST_SUITE_END()
