// The hidden payload of RaiseCustomEvent read back from its multipart/form-data body: whole, split
// at every offset and byte by byte, as the seed's form, as curl's form and when refused.

#include <eventwire/multipart/error.hpp>
#include <eventwire/testing/split_check.hpp>
#include <eventwire/websdk/custom_event_payload.hpp>
#include <eventwire/websdk/custom_event_payload_reader.hpp>
#include <eventwire/websdk/error.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace websdk = eventwire::websdk;
namespace multipart = eventwire::multipart;
using eventwire::testing::check_all_splits;

namespace {

constexpr std::string_view seed_content_type = "multipart/form-data; boundary=----FormBoundary";

// The payload, or "error: <message>", fed in pieces cut at `cuts`.
std::vector<std::string> read(std::string_view content_type, std::string_view body,
                              std::span<const std::size_t> cuts, multipart::limits limits = {}) {
  websdk::custom_event_payload_reader reader(limits);
  std::error_code ec = reader.start(content_type);
  eventwire::testing::feed_in_chunks(body, cuts, [&](std::string_view piece) {
    if (!ec) ec = reader.feed(piece);
  });
  if (!ec) ec = reader.finish();
  if (ec) return {"error: " + ec.message()};
  return {*reader.payload()};
}

std::vector<std::string> read_every_way(std::string_view content_type, std::string_view body,
                                        multipart::limits limits = {}) {
  return check_all_splits(body, [&](std::string_view input, std::span<const std::size_t> cuts) {
    return read(content_type, input, cuts, limits);
  });
}

std::string error_text(std::error_code ec) { return "error: " + ec.message(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_custom_event_payload_reader)

BOOST_AUTO_TEST_CASE(the_seeds_form_gives_its_payload) {
  const std::string seed_body =
      "------FormBoundary\r\n"
      "Content-Disposition: form-data; name=\"payload\"; filename=\"payload\"\r\n\r\n"
      "{\"orderId\": \"12345\", \"customerId\": \"67890\"}\r\n"
      "------FormBoundary--\r\n";
  BOOST_TEST(read_every_way(seed_content_type, seed_body) ==
                 std::vector<std::string>{R"({"orderId": "12345", "customerId": "67890"})"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(what_the_builder_writes_reads_back_unchanged) {
  for (const std::string& payload : {std::string("{}"), std::string(), std::string("line 1\r\nline 2\n"),
                                    std::string("--FormBoundary inside"), std::string(3000, 'x')}) {
    websdk::form_body form;
    BOOST_REQUIRE(!websdk::custom_event_payload_form(payload, form));
    BOOST_TEST(read(form.content_type, form.body, {}) == std::vector<std::string>{payload},
               boost::test_tools::per_element());
  }
  websdk::form_body form;
  BOOST_REQUIRE(!websdk::custom_event_payload_form("a\r\nb", form, "x"));
  BOOST_TEST(read_every_way(form.content_type, form.body) == std::vector<std::string>{"a\r\nb"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(curls_form_with_another_part_first) {
  // curl -F 'note=hello' -F 'payload={"orderId": "12345"};filename=payload'
  const std::string body =
      "--------------------------d74496d66958873e\r\n"
      "Content-Disposition: form-data; name=\"note\"\r\n\r\n"
      "hello\r\n"
      "--------------------------d74496d66958873e\r\n"
      "Content-Disposition: form-data; name=\"payload\"; filename=\"payload\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n"
      "{\"orderId\": \"12345\"}\r\n"
      "--------------------------d74496d66958873e\r\n"
      "content-disposition: FORM-DATA; NAME=payload\r\n\r\n"
      "a second payload part is skipped\r\n"
      "--------------------------d74496d66958873e--\r\n";
  BOOST_TEST(read_every_way("Multipart/Form-Data; boundary=------------------------d74496d66958873e", body) ==
                 std::vector<std::string>{R"({"orderId": "12345"})"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(refusals) {
  const std::string no_payload =
      "------FormBoundary\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n"
      "------FormBoundary\r\nContent-Disposition: attachment; name=\"payload\"\r\n\r\nx\r\n"
      "------FormBoundary\r\nContent-Disposition: form-data; name=\"pay\\load\"\r\n\r\nx\r\n"
      "------FormBoundary--\r\n";
  BOOST_TEST(read_every_way(seed_content_type, no_payload) ==
                 std::vector<std::string>{error_text(websdk::error::missing_payload)},
             boost::test_tools::per_element());
  const std::string unclosed =
      "------FormBoundary\r\nContent-Disposition: form-data; name=\"payload\"\r\n\r\n{}\r\n"
      "------FormBoundary\r\n";
  BOOST_TEST(read_every_way(seed_content_type, unclosed) ==
                 std::vector<std::string>{error_text(multipart::error::truncated_part)},
             boost::test_tools::per_element());
  BOOST_TEST(read(seed_content_type, "", {}) ==
             std::vector<std::string>{error_text(multipart::error::truncated_part)});
  BOOST_TEST(read("multipart/mixed; boundary=----FormBoundary", no_payload, {}) ==
             std::vector<std::string>{error_text(websdk::error::not_form_data)});
  BOOST_TEST(read("application/json", "{}", {}) ==
             std::vector<std::string>{error_text(websdk::error::not_form_data)});
  BOOST_TEST(read("multipart/form-data", no_payload, {}) ==
             std::vector<std::string>{error_text(multipart::error::missing_boundary)});
}

BOOST_AUTO_TEST_CASE(a_payload_past_the_limit_is_an_error) {
  websdk::form_body form;
  BOOST_REQUIRE(!websdk::custom_event_payload_form(std::string(100, 'x'), form));
  multipart::limits small;
  small.max_body = 99;
  BOOST_TEST(read_every_way(form.content_type, form.body, small) ==
                 std::vector<std::string>{error_text(multipart::error::body_too_large)},
             boost::test_tools::per_element());
  small.max_body = 100;
  BOOST_TEST(read_every_way(form.content_type, form.body, small) ==
                 std::vector<std::string>{std::string(100, 'x')},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(errors_stay_until_the_next_start) {
  websdk::custom_event_payload_reader reader;
  BOOST_TEST((reader.feed("x") == websdk::error::not_form_data));
  BOOST_TEST((reader.start("text/plain") == websdk::error::not_form_data));
  BOOST_TEST((reader.feed("------FormBoundary--\r\n") == websdk::error::not_form_data));
  BOOST_TEST((reader.finish() == websdk::error::not_form_data));
  BOOST_TEST(!reader.start(seed_content_type));
  BOOST_TEST(!reader.error());
  BOOST_TEST(!reader.feed("------FormBoundary\r\nContent-Disposition: form-data; name=payload\r\n\r\nok\r\n"));
  BOOST_TEST(!reader.payload());
  BOOST_TEST(!reader.feed("------FormBoundary--\r\n"));
  BOOST_TEST(reader.payload().value_or("") == "ok");
  BOOST_TEST(!reader.finish());
}

BOOST_AUTO_TEST_SUITE_END()
