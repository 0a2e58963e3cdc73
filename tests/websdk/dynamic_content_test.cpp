#include <eventwire/websdk/dynamic_content.hpp>
#include <eventwire/websdk/error.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

namespace websdk = eventwire::websdk;
using websdk::error;

namespace {

// "found:<text>", "none" or "error:<message>".
std::string context_of(std::string_view xml, std::size_t max = std::string::npos) {
  std::string out = "kept";
  bool found = true;
  if (const std::error_code ec = websdk::append_dynamic_context(xml, out, found, max)) {
    BOOST_TEST(out == "kept");
    BOOST_TEST(!found);
    return "error:" + ec.message();
  }
  if (!found) {
    BOOST_TEST(out == "kept");
    return "none";
  }
  return "found:" + out.substr(4);
}

const std::string seed_xml =
    R"(<DynamicContent xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><AttachedEntities xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" /><Context>Server breach</Context><ForwardedRecipients xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" /><Priority>0</Priority><Urls xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" /></DynamicContent>)";

}  // namespace

BOOST_AUTO_TEST_SUITE(websdk_dynamic_content)

BOOST_AUTO_TEST_CASE(the_seed_context) { BOOST_TEST(context_of(seed_xml) == "found:Server breach"); }

BOOST_AUTO_TEST_CASE(forms_of_the_context_element) {
  const std::pair<const char*, const char*> rows[] = {
      {"<DynamicContent><Context></Context></DynamicContent>", "found:"},
      {"<DynamicContent><Context/></DynamicContent>", "found:"},
      {"<DynamicContent><Context /></DynamicContent>", "found:"},
      {"<DynamicContent><Context i:nil=\"true\"/></DynamicContent>", "none"},
      {"<DynamicContent><Context i:nil='true' /></DynamicContent>", "none"},
      {"<DynamicContent><Context xml:space=\"preserve\"> a  b </Context></DynamicContent>",
       "found: a  b "},
      {"<DynamicContent><ContextBy>x</ContextBy><Context>y</Context ></DynamicContent>", "found:y"},
      {"<DynamicContent><Priority>0</Priority></DynamicContent>", "none"},
      {"<DynamicContent/>", "none"},
      {"<DynamicContent a=\">\" />", "none"},
      {"\r\n <?xml version=\"1.0\" encoding=\"utf-8\"?>\n<DynamicContent><Context>z</Context></DynamicContent>",
       "found:z"},
  };
  for (const auto& [xml, expected] : rows) BOOST_TEST(context_of(xml) == expected, xml);
}

BOOST_AUTO_TEST_CASE(entities_references_cdata_and_line_ends) {
  const std::pair<const char*, const char*> rows[] = {
      {"&lt;&gt;&amp;&quot;&apos;", "<>&\"'"},
      {"caf&#233; &#xE9;&#x1F600;", "caf\xC3\xA9 \xC3\xA9\xF0\x9F\x98\x80"},
      {"<![CDATA[<b>&amp;</b>]]> after", "<b>&amp;</b> after"},
      {"one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"},
      {"\xC3\xA9t\xC3\xA9", "\xC3\xA9t\xC3\xA9"},
  };
  for (const auto& [text, expected] : rows) {
    const std::string xml = std::string("<DynamicContent><Context>") + text + "</Context></DynamicContent>";
    BOOST_TEST(context_of(xml) == std::string("found:") + expected, xml);
  }
}

BOOST_AUTO_TEST_CASE(what_is_not_the_expected_xml) {
  const std::string invalid = "error:DynamicContent is not the XML expected";
  for (const char* xml : {"", "Server breach", "<Context>x</Context>", "<DynamicContentX/>",
                          "<?xml version=\"1.0\"", "<DynamicContent", "<DynamicContent><Context",
                          "<DynamicContent><Context>x", "<DynamicContent><Context>x</Context",
                          "<DynamicContent><Context>a<b/>c</Context></DynamicContent>",
                          "<DynamicContent><Context>a & b</Context></DynamicContent>",
                          "<DynamicContent><Context>&bogus;</Context></DynamicContent>",
                          "<DynamicContent><Context>&#0;</Context></DynamicContent>",
                          "<DynamicContent><Context>&#xD800;</Context></DynamicContent>",
                          "<DynamicContent><Context>&#x110000;</Context></DynamicContent>",
                          "<DynamicContent><Context>&#123456789;</Context></DynamicContent>",
                          "<DynamicContent><Context>&#x;</Context></DynamicContent>",
                          "<DynamicContent><Context>&#12a;</Context></DynamicContent>",
                          "<DynamicContent><Context><![CDATA[x</Context></DynamicContent>",
                          "<DynamicContent><Context a=\"1</Context></DynamicContent>"})
    BOOST_TEST(context_of(xml) == invalid, xml);
}

BOOST_AUTO_TEST_CASE(the_output_limit) {
  BOOST_TEST(context_of(seed_xml, 4 + 13) == "found:Server breach");
  BOOST_TEST(context_of(seed_xml, 4 + 12) == "error:decoded text exceeds the limit");
}

BOOST_AUTO_TEST_CASE(every_prefix_is_handled) {
  for (std::size_t n = 0; n < seed_xml.size(); ++n) {
    const std::string got = context_of(seed_xml.substr(0, n));
    BOOST_TEST((got.rfind("error:", 0) == 0 || got == "found:Server breach"), n << ": " << got);
  }
}

BOOST_AUTO_TEST_SUITE_END()
