#include <eventwire/net/error.hpp>
#include <eventwire/net/url.hpp>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>

namespace net = eventwire::net;

namespace {

struct good_case {
  const char* text;
  net::scheme scheme;
  const char* host;
  std::uint16_t port;
  const char* target;
  const char* printed;
};

std::ostream& operator<<(std::ostream& os, const good_case& c) { return os << c.text; }

const good_case good[] = {
    {"http://example.com", net::scheme::http, "example.com", 80, "/", "http://example.com/"},
    {"https://example.com/hub", net::scheme::https, "example.com", 443, "/hub",
     "https://example.com/hub"},
    {"ws://127.0.0.1:5000/hub?x=1&y=2", net::scheme::ws, "127.0.0.1", 5000, "/hub?x=1&y=2",
     "ws://127.0.0.1:5000/hub?x=1&y=2"},
    {"wss://sc.example:4590/WebSdk/?q=a%20b#frag", net::scheme::wss, "sc.example", 4590,
     "/WebSdk/?q=a%20b", "wss://sc.example:4590/WebSdk/?q=a%20b"},
    {"HTTPS://Example.com:443/", net::scheme::https, "Example.com", 443, "/",
     "https://Example.com/"},
    {"http://[::1]:8080/p", net::scheme::http, "::1", 8080, "/p", "http://[::1]:8080/p"},
    {"http://h:/p", net::scheme::http, "h", 80, "/p", "http://h/p"},
    {"https://h?only=query", net::scheme::https, "h", 443, "/?only=query", "https://h/?only=query"},
    {"http://h:65535", net::scheme::http, "h", 65535, "/", "http://h:65535/"},
};

struct bad_case {
  const char* text;
  net::error expected;
};

std::ostream& operator<<(std::ostream& os, const bad_case& c) { return os << c.text; }

const bad_case bad[] = {
    {"example.com/hub", net::error::missing_scheme},
    {"localhost:8080/hub", net::error::missing_scheme},
    {"/relative/path", net::error::missing_scheme},
    {"", net::error::missing_scheme},
    {"ftp://example.com/", net::error::unsupported_scheme},
    {"nats://127.0.0.1:4222", net::error::unsupported_scheme},
    {"http://example.com:0/", net::error::invalid_port},
    {"http://example.com:65536/", net::error::invalid_port},
    {"http://example.com:99999999/", net::error::invalid_port},
    {"http:///path", net::error::empty_host},
    {"https://:443/", net::error::empty_host},
    {"http:example.com", net::error::empty_host},
    {"http://user:secret@example.com/", net::error::invalid_url},
    {"http://exa mple.com/", net::error::invalid_url},
    {"http://[::1/", net::error::invalid_url},
};

net::url parsed(std::string_view text) {
  net::url u;
  BOOST_REQUIRE_MESSAGE(!net::parse_url(text, u), text);
  return u;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(url)

BOOST_DATA_TEST_CASE(good_urls_split_into_parts, boost::unit_test::data::make(good), c) {
  net::url u;
  const auto ec = net::parse_url(c.text, u);
  BOOST_TEST_REQUIRE(!ec, ec.message());
  BOOST_TEST((u.scheme == c.scheme));
  BOOST_TEST(u.host == c.host);
  BOOST_TEST(u.port == c.port);
  BOOST_TEST(u.target() == c.target);
  BOOST_TEST(u.to_string() == c.printed);
  BOOST_TEST(u.secure() == (c.scheme == net::scheme::https || c.scheme == net::scheme::wss));
}

BOOST_DATA_TEST_CASE(bad_urls_give_clear_errors, boost::unit_test::data::make(bad), c) {
  net::url u;
  u.host = "untouched";
  const auto ec = net::parse_url(c.text, u);
  BOOST_TEST(ec == std::error_code(c.expected), ec.message());
  BOOST_TEST(u.host == "untouched");
  BOOST_TEST((ec == std::errc::invalid_argument));
}

BOOST_AUTO_TEST_CASE(host_header_omits_the_default_port_only) {
  BOOST_TEST(parsed("https://h:443/").host_header() == "h");
  BOOST_TEST(parsed("https://h:80/").host_header() == "h:80");
  BOOST_TEST(parsed("ws://[::1]:9/").host_header() == "[::1]:9");
}

BOOST_AUTO_TEST_CASE(schemes_map_between_http_and_websocket) {
  BOOST_TEST(net::to_websocket(parsed("http://h:1/a?b")).to_string() == "ws://h:1/a?b");
  BOOST_TEST(net::to_websocket(parsed("https://h/a")).to_string() == "wss://h/a");
  BOOST_TEST(net::to_websocket(parsed("wss://h/a")).to_string() == "wss://h/a");
  BOOST_TEST(net::to_http(parsed("ws://h/a")).to_string() == "http://h/a");
  BOOST_TEST(net::to_http(parsed("wss://h:444/a")).to_string() == "https://h:444/a");
  BOOST_TEST(net::to_http(parsed("https://h/a")).to_string() == "https://h/a");
}

BOOST_AUTO_TEST_CASE(query_parameters_are_percent_encoded) {
  const auto u = net::with_query_parameter(parsed("wss://h/hub"), "id", "a+b/c=d&e f~_.-");
  BOOST_TEST(u.target() == "/hub?id=a%2Bb%2Fc%3Dd%26e%20f~_.-");
  const auto v = net::with_query_parameter(parsed("wss://h/hub?collection=42"), "access_token",
                                           "eyJ0eXAi.OiJKV1Qi.x==");
  BOOST_TEST(v.target() == "/hub?collection=42&access_token=eyJ0eXAi.OiJKV1Qi.x%3D%3D");
  const auto w = net::with_query_parameter(parsed("http://h"), "k", "");
  BOOST_TEST(w.target() == "/?k=");
}

BOOST_AUTO_TEST_CASE(relative_paths_join_keeping_the_base_query) {
  BOOST_TEST(net::join_path(parsed("https://h/hub?tenant=7"), "/negotiate").to_string() ==
             "https://h/hub/negotiate?tenant=7");
  BOOST_TEST(net::join_path(parsed("https://h/hub/"), "negotiate").to_string() ==
             "https://h/hub/negotiate");
  BOOST_TEST(net::join_path(parsed("https://h"), "/negotiate").to_string() ==
             "https://h/negotiate");
  BOOST_TEST(net::join_path(parsed("https://h/hub?tenant=7"), "/negotiate?negotiateVersion=1")
                 .to_string() == "https://h/hub/negotiate?tenant=7&negotiateVersion=1");
  BOOST_TEST(net::join_path(parsed("https://h/"), "/").to_string() == "https://h/");
}

BOOST_AUTO_TEST_CASE(references_resolve_against_the_base) {
  const auto base = parsed("https://sc.example:4590/WebSdk/events?x=1");
  net::url out;
  BOOST_TEST(!net::resolve_reference(base, "https://sc.example:4591/stream", out));
  BOOST_TEST(out.to_string() == "https://sc.example:4591/stream");
  BOOST_TEST(!net::resolve_reference(base, "/other?y=2", out));
  BOOST_TEST(out.to_string() == "https://sc.example:4590/other?y=2");
  BOOST_TEST(!net::resolve_reference(base, "sibling", out));
  BOOST_TEST(out.to_string() == "https://sc.example:4590/WebSdk/sibling");
  BOOST_TEST(net::resolve_reference(base, "ftp://elsewhere/", out) ==
             std::error_code(net::error::unsupported_scheme));
}

BOOST_AUTO_TEST_CASE(printing_redacts) {
  std::ostringstream os;
  os << parsed("wss://h/hub?access_token=abc&x=1");
  BOOST_TEST(os.str() == "wss://h/hub?access_token=***&x=1");
}

BOOST_AUTO_TEST_SUITE_END()
