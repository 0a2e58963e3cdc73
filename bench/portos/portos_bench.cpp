// The Portos notification decoder against two Boost.JSON references in the same run: parsing into
// a DOM, and a basic_parser handler that keeps only the fields the decoder gives. Every decoder's
// output is checked before any timing.

#include <eventwire/portos/notification_decoder.hpp>

#include <benchmark/benchmark.h>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace portos = eventwire::portos;

// A portos.resources.changed notification of about 300 bytes, shaped after the seed.
constexpr std::string_view notification_json =
    R"({"e":"portos.resources.changed","s":{"c":"Yb3kQ9x2T1mZ","u":{"u":"jana.novakova",)"
    R"("d":"POS-02"}},"r":"c0a8f7e2-5d1b","ca":"2024-05-14T09:21:37.5123456+02:00","ea":null,)"
    R"("p":{"u":{"u":"8f14e45f","d":"Jana Novakova"},"n":"door","a":2,)"
    R"("i":{"i":"1042","n":"Front entrance","v":7},"r":[{"i":"1042","n":"Front entrance","v":7}]}})";

[[noreturn]] void mismatch(const char* what) {
  std::fprintf(stderr, "portos benchmark: %s does not give the expected fields\n", what);
  std::abort();
}

// --- Reference 2: a Boost.JSON basic_parser handler that keeps only the decoder's fields. ---

struct resource_fields {
  std::string id, name;
  std::int64_t version = -1;
};

struct kept_fields {
  std::string event, connection_id, user_name, device, feature, reference, created_at, expires_at;
  std::string user_id, display_name, user_feature, resource_name;
  std::int64_t action = 0;
  resource_fields resource;
  std::vector<resource_fields> affected;
  std::size_t affected_count = 0;
};

// Tracks the key path (two characters a level suffice for Portos' short keys) and stores a value
// when the path names a field.
class field_handler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  kept_fields fields;

  bool on_document_begin(boost::json::error_code&) {
    depth_ = 0;
    for (std::string* s :
         {&fields.feature, &fields.reference, &fields.expires_at, &fields.user_feature})
      s->clear();
    fields.resource.version = -1;
    fields.affected_count = 0;
    return true;
  }
  bool on_document_end(boost::json::error_code&) { return true; }
  bool on_object_begin(boost::json::error_code&) {
    if (depth_ == 3 && path_[0] == code("p") && path_[1] == code("r") && path_[2] == '[') {
      if (fields.affected_count == fields.affected.size()) fields.affected.emplace_back();
      resource_fields& element = fields.affected[fields.affected_count++];
      element.id.clear();
      element.name.clear();
      element.version = -1;
    }
    return push();
  }
  bool on_object_end(std::size_t, boost::json::error_code&) { return pop(); }
  bool on_array_begin(boost::json::error_code&) {
    if (!push()) return false;
    path_[depth_ - 1] = '[';
    return true;
  }
  bool on_array_end(std::size_t, boost::json::error_code&) { return pop(); }
  bool on_key_part(std::string_view part, std::size_t, boost::json::error_code&) {
    key_ += part;
    return true;
  }
  bool on_key(std::string_view part, std::size_t, boost::json::error_code&) {
    key_ += part;
    path_[depth_ - 1] = key_.size() <= 2 ? code(key_) : 0xFFFF;
    key_.clear();
    return true;
  }
  bool on_string_part(std::string_view part, std::size_t, boost::json::error_code&) {
    value_ += part;
    return true;
  }
  bool on_string(std::string_view part, std::size_t, boost::json::error_code&) {
    value_ += part;
    if (std::string* target = string_field()) target->assign(value_);
    value_.clear();
    return true;
  }
  bool on_number_part(std::string_view, boost::json::error_code&) { return true; }
  bool on_int64(std::int64_t v, std::string_view, boost::json::error_code&) {
    if (is("p", "a"))
      fields.action = v;
    else if (is("p", "i", "v"))
      fields.resource.version = v;
    else if (in_affected("v"))
      affected().version = v;
    return true;
  }
  bool on_uint64(std::uint64_t, std::string_view, boost::json::error_code&) { return true; }
  bool on_double(double, std::string_view, boost::json::error_code&) { return true; }
  bool on_bool(bool, boost::json::error_code&) { return true; }
  bool on_null(boost::json::error_code&) { return true; }
  bool on_comment_part(std::string_view, boost::json::error_code&) { return true; }
  bool on_comment(std::string_view, boost::json::error_code&) { return true; }

 private:
  static constexpr std::uint16_t code(std::string_view k) {
    return static_cast<std::uint16_t>(k.empty() ? 0 : (k[0] << 8 | (k.size() > 1 ? k[1] : 0)));
  }
  bool push() {
    if (depth_ == path_.size()) return false;
    path_[depth_++] = 0;
    return true;
  }
  bool pop() {
    --depth_;
    return true;
  }
  bool is(std::string_view a) const { return depth_ == 1 && path_[0] == code(a); }
  bool is(std::string_view a, std::string_view b) const {
    return depth_ == 2 && path_[0] == code(a) && path_[1] == code(b);
  }
  bool is(std::string_view a, std::string_view b, std::string_view c) const {
    return depth_ == 3 && path_[0] == code(a) && path_[1] == code(b) && path_[2] == code(c);
  }
  // p.r[k].<key>
  bool in_affected(std::string_view key) const {
    return depth_ == 4 && path_[0] == code("p") && path_[1] == code("r") && path_[2] == '[' &&
           path_[3] == code(key);
  }
  resource_fields& affected() { return fields.affected[fields.affected_count - 1]; }
  std::string* string_field() {
    if (depth_ == 1) {
      if (is("e")) return &fields.event;
      if (is("r")) return &fields.reference;
      if (is("ca")) return &fields.created_at;
      if (is("ea")) return &fields.expires_at;
      return nullptr;
    }
    if (is("s", "c")) return &fields.connection_id;
    if (is("s", "u", "u")) return &fields.user_name;
    if (is("s", "u", "d")) return &fields.device;
    if (is("s", "u", "f")) return &fields.feature;
    if (is("p", "n")) return &fields.resource_name;
    if (is("p", "u", "u")) return &fields.user_id;
    if (is("p", "u", "d")) return &fields.display_name;
    if (is("p", "u", "f")) return &fields.user_feature;
    if (is("p", "i", "i")) return &fields.resource.id;
    if (is("p", "i", "n")) return &fields.resource.name;
    if (in_affected("i")) return &affected().id;
    if (in_affected("n")) return &affected().name;
    return nullptr;
  }

  std::array<std::uint16_t, 32> path_{};
  std::size_t depth_ = 0;
  std::string key_, value_;
};

}  // namespace

namespace {

// --- Checks, before any timing. ---

std::string decoded(const eventwire::json::raw_string& s) {
  std::string out;
  s.append_to(out);
  return out;
}

void check_portos_decoder() {
  portos::notification_decoder decoder;
  portos::notification n;
  if (decoder.decode(notification_json, n) || !n.change) mismatch("the Portos decoder");
  const portos::resources_changed& p = *n.change;
  const bool ok =
      decoded(n.event) == "portos.resources.changed" &&
      decoded(n.sender.connection_id) == "Yb3kQ9x2T1mZ" &&
      decoded(n.sender.user.user_name) == "jana.novakova" &&
      decoded(n.sender.user.device) == "POS-02" && n.reference &&
      decoded(*n.reference) == "c0a8f7e2-5d1b" && n.created_at.value.offset_minutes == 120 &&
      !n.expires_at && decoded(p.user.user_id) == "8f14e45f" &&
      decoded(p.user.display_name) == "Jana Novakova" && decoded(p.resource_name) == "door" &&
      p.action == portos::resource_action::updated && decoded(p.resource.id) == "1042" &&
      decoded(p.resource.name) == "Front entrance" && p.resource.version == 7 &&
      p.affected.size() == 1 && decoded(p.affected[0].id) == "1042" && p.affected[0].version == 7;
  if (!ok) mismatch("the Portos decoder");
}

void check_boost_dom() {
  const boost::json::value v = boost::json::parse(notification_json);
  const boost::json::value& p = v.at("p");
  const bool ok = v.at("e") == "portos.resources.changed" &&
                  v.at("s").at("u").at("u") == "jana.novakova" && p.at("a") == 2 &&
                  p.at("i").at("v") == 7 && p.at("r").as_array().size() == 1 &&
                  p.at("r").at(0).at("n") == "Front entrance";
  if (!ok) mismatch("Boost.JSON parse");
}

bool parse_fields(boost::json::basic_parser<field_handler>& parser) {
  boost::json::error_code ec;
  parser.reset();
  parser.write_some(false, notification_json.data(), notification_json.size(), ec);
  return !ec;
}

void check_field_handler() {
  boost::json::basic_parser<field_handler> parser{boost::json::parse_options{}};
  if (!parse_fields(parser)) mismatch("the Boost.JSON basic_parser handler");
  const kept_fields& f = parser.handler().fields;
  const bool ok = f.event == "portos.resources.changed" && f.connection_id == "Yb3kQ9x2T1mZ" &&
                  f.user_name == "jana.novakova" && f.device == "POS-02" &&
                  f.reference == "c0a8f7e2-5d1b" &&
                  f.created_at == "2024-05-14T09:21:37.5123456+02:00" && f.user_id == "8f14e45f" &&
                  f.display_name == "Jana Novakova" && f.resource_name == "door" && f.action == 2 &&
                  f.resource.id == "1042" && f.resource.name == "Front entrance" &&
                  f.resource.version == 7 && f.affected_count == 1 && f.affected[0].id == "1042" &&
                  f.affected[0].name == "Front entrance" && f.affected[0].version == 7;
  if (!ok) mismatch("the Boost.JSON basic_parser handler");
}

// --- Timing. ---

void count(benchmark::State& state) {
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(notification_json.size()));
}

void portos_decode(benchmark::State& state) {
  portos::notification_decoder decoder;
  portos::notification n;
  for (auto _ : state) {
    const std::error_code ec = decoder.decode(notification_json, n);
    benchmark::DoNotOptimize(ec);
    benchmark::DoNotOptimize(n);
  }
  count(state);
}

void boost_json_dom_parse(benchmark::State& state) {
  for (auto _ : state) {
    auto value = boost::json::parse(notification_json);
    benchmark::DoNotOptimize(value);
  }
  count(state);
}

void boost_json_basic_parser_fields(benchmark::State& state) {
  boost::json::basic_parser<field_handler> parser{boost::json::parse_options{}};
  for (auto _ : state) {
    const bool ok = parse_fields(parser);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(parser.handler().fields);
  }
  count(state);
}

BENCHMARK(portos_decode);
BENCHMARK(boost_json_dom_parse);
BENCHMARK(boost_json_basic_parser_fields);

}  // namespace

int main(int argc, char** argv) {
  check_portos_decoder();
  check_boost_dom();
  check_field_handler();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
