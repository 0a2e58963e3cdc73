#include "net_testing.hpp"

#include <eventwire/net/error.hpp>
#include <eventwire/net/fingerprint.hpp>
#include <eventwire/net/http_client.hpp>
#include <eventwire/net/self_signed_certificate.hpp>
#include <eventwire/net/tls_context.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace net = eventwire::net;
namespace emulator = eventwire::emulator;
namespace testing = eventwire::testing;
namespace http = boost::beast::http;
using boost::asio::awaitable;

namespace {

// Answers every request with the SNI name the client sent.
awaitable<std::optional<emulator::response>> say_server_name(emulator::request&,
                                                             emulator::connection& c) {
  emulator::response res(http::status::ok, 11);
  res.body() = c.server_name();
  co_return res;
}

std::shared_ptr<net::tls_client_context> client_tls(const net::tls_options& options) {
  std::shared_ptr<net::tls_client_context> made;
  const auto ec = net::tls_client_context::make(options, made);
  BOOST_TEST_REQUIRE(!ec, ec.message());
  return made;
}

net::tls_options pinned(std::string fingerprint) {
  net::tls_options o;
  o.pin_sha256 = std::move(fingerprint);
  return o;
}

net::tls_options trusting(std::string ca_file) {
  net::tls_options o;
  o.ca_file = std::move(ca_file);
  return o;
}

net::url with_host(net::url u, std::string host) {
  u.host = std::move(host);
  return u;
}

struct tls_server {
  boost::asio::io_context io;
  emulator::server server;

  explicit tls_server(emulator::server_options options = testing::tls_server())
      : server(io.get_executor(), say_server_name, std::move(options)) {}
  ~tls_server() { testing::stop_and_drain(io, {&server}); }

  // GETs `where` with `tls` and returns the error, the body and the failure detail.
  std::tuple<std::error_code, std::string, std::string> get(
      const net::url& where, std::shared_ptr<net::tls_client_context> tls) {
    std::tuple<std::error_code, std::string, std::string> result;
    testing::run(io, [&]() -> awaitable<void> {
      net::http_options options;
      options.tls = std::move(tls);
      net::http_client client(io.get_executor(), options);
      auto [ec, res] = co_await client.get(where);
      result = {ec, res.body(), client.last_error_detail()};
    }());
    return result;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(tls)

BOOST_AUTO_TEST_CASE(fingerprints_parse_in_any_case_with_or_without_colons) {
  const auto cert = net::make_self_signed_certificate();
  const std::string colons = cert.fingerprint.to_string();
  BOOST_TEST(colons.size() == 95u);
  std::string bare;
  std::copy_if(colons.begin(), colons.end(), std::back_inserter(bare),
               [](char c) { return c != ':'; });
  std::string lower = bare;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& text : {colons, bare, lower}) {
    net::sha256_fingerprint parsed;
    BOOST_TEST(!net::parse_fingerprint(text, parsed));
    BOOST_TEST(parsed == cert.fingerprint);
  }
  net::sha256_fingerprint f;
  BOOST_TEST(net::parse_fingerprint(bare.substr(2), f) == std::error_code(net::error::invalid_pin));
  BOOST_TEST(net::parse_fingerprint(bare + "00", f) == std::error_code(net::error::invalid_pin));
  BOOST_TEST(net::parse_fingerprint("zz" + bare.substr(2), f) ==
             std::error_code(net::error::invalid_pin));
}

BOOST_AUTO_TEST_CASE(generated_certificates_are_distinct_and_fingerprinted) {
  const auto a = net::make_self_signed_certificate();
  const auto b = net::make_self_signed_certificate();
  BOOST_TEST(a.certificate_pem.starts_with("-----BEGIN CERTIFICATE-----"));
  BOOST_TEST(a.private_key_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
  BOOST_TEST(a.fingerprint != b.fingerprint);
  net::sha256_fingerprint from_pem;
  BOOST_TEST(!net::fingerprint_of_pem(a.certificate_pem, from_pem));
  BOOST_TEST(from_pem == a.fingerprint);
  BOOST_TEST(net::fingerprint_of_pem("no certificate", from_pem) ==
             std::error_code(net::error::invalid_pin));
}

BOOST_AUTO_TEST_CASE(bad_options_are_refused) {
  std::shared_ptr<net::tls_client_context> made;
  BOOST_TEST(net::tls_client_context::make(pinned("12:34"), made) ==
             std::error_code(net::error::invalid_pin));
  BOOST_TEST(net::tls_client_context::make(trusting("/nonexistent/ca.pem"), made) ==
             std::error_code(net::error::ca_file_unreadable));
  BOOST_TEST(!made);
}

BOOST_AUTO_TEST_CASE(default_verification_refuses_a_self_signed_certificate) {
  tls_server s;
  auto [ec, body, detail] = s.get(s.server.url(), nullptr);
  BOOST_TEST(ec == std::error_code(net::error::certificate_rejected), ec.message());
  BOOST_TEST(detail.find("self-signed") != std::string::npos, detail);
  BOOST_TEST(detail.find("127.0.0.1:" + std::to_string(s.server.port())) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_pinned_fingerprint_is_accepted) {
  tls_server s;
  auto tls = client_tls(pinned(s.server.certificate()->fingerprint.to_string()));
  auto [ec, body, detail] = s.get(s.server.url(), tls);
  BOOST_TEST(!ec, ec.message() << ": " << detail);
}

BOOST_AUTO_TEST_CASE(a_wrong_pin_names_both_fingerprints) {
  tls_server s;
  const auto other = net::make_self_signed_certificate();
  auto tls = client_tls(pinned(other.fingerprint.to_string()));
  auto [ec, body, detail] = s.get(s.server.url(), tls);
  BOOST_TEST(ec == std::error_code(net::error::certificate_pin_mismatch), ec.message());
  BOOST_TEST(detail.find("expected SHA-256 " + other.fingerprint.to_string()) != std::string::npos,
             detail);
  BOOST_TEST(detail.find("presented " + s.server.certificate()->fingerprint.to_string()) !=
                 std::string::npos,
             detail);
}

BOOST_AUTO_TEST_CASE(insecure_skip_verify_accepts_anything) {
  tls_server s;
  net::tls_options insecure;
  insecure.insecure_skip_verify = true;
  auto [ec, body, detail] = s.get(s.server.url(), client_tls(insecure));
  BOOST_TEST(!ec, ec.message() << ": " << detail);
}

BOOST_AUTO_TEST_CASE(a_ca_file_makes_the_certificate_trusted_for_its_names) {
  tls_server s;
  const auto path = std::filesystem::temp_directory_path() /
                    ("eventwire-ca-" + std::to_string(s.server.port()) + ".pem");
  std::ofstream(path) << s.server.certificate()->certificate_pem;
  auto tls = client_tls(trusting(path.string()));
  std::filesystem::remove(path);

  auto [ec, body, detail] = s.get(s.server.url(), tls);
  BOOST_TEST(!ec, ec.message() << ": " << detail);
  auto [by_name, body2, detail2] = s.get(with_host(s.server.url(), "localhost"), tls);
  BOOST_TEST(!by_name, by_name.message() << ": " << detail2);
}

BOOST_AUTO_TEST_CASE(a_trusted_certificate_for_another_name_is_refused) {
  auto options = testing::tls_server();
  options.certificate = net::make_self_signed_certificate("other.example", {"DNS:other.example"});
  tls_server s(options);
  const auto path = std::filesystem::temp_directory_path() /
                    ("eventwire-other-" + std::to_string(s.server.port()) + ".pem");
  std::ofstream(path) << s.server.certificate()->certificate_pem;
  auto tls = client_tls(trusting(path.string()));
  std::filesystem::remove(path);

  auto [ec, body, detail] = s.get(with_host(s.server.url(), "localhost"), tls);
  BOOST_TEST(ec == std::error_code(net::error::certificate_rejected), ec.message());
  BOOST_TEST(!detail.empty());
}

BOOST_AUTO_TEST_CASE(sni_names_the_host_and_is_left_out_for_ip_literals) {
  tls_server s;
  auto tls = client_tls(pinned(s.server.certificate()->fingerprint.to_string()));
  auto [ec, body, detail] = s.get(with_host(s.server.url(), "localhost"), tls);
  BOOST_TEST(!ec, ec.message() << ": " << detail);
  BOOST_TEST(body == "localhost");
  auto [ec2, body2, detail2] = s.get(s.server.url(), tls);
  BOOST_TEST(!ec2);
  BOOST_TEST(body2 == "");
}

BOOST_AUTO_TEST_SUITE_END()
