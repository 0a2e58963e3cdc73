#include <eventwire/missioncontrol/detail/object_walk.hpp>
#include <eventwire/missioncontrol/web_token_decoder.hpp>

#include <array>
#include <cstdint>
#include <limits>

namespace eventwire::missioncontrol {

std::error_code web_token_decoder::decode(std::string_view json, web_token& out) {
  out = web_token{};
  failure_.clear();
  detail::object_walk walk(json, options_.max_depth, failure_, key_scratch_);
  json::reader& r = walk.reader();
  static constexpr std::array<std::string_view, 3> names{"Token", "ValidUntil",
                                                         "MillisecondsValid"};
  enum : unsigned { token, valid_until, milliseconds_valid };

  auto read_member = [&](std::size_t key) -> std::error_code {
    if (key != token && r.try_null()) return {};
    r.peek();  // past whitespace, so that `at` is where the value starts
    const std::size_t at = walk.offset();
    switch (key) {
      case token:
        if (r.try_null()) return walk.fail(error::missing_key, names[token]);
        if (const std::error_code ec = walk.expect_kind(json::value_kind::string, names[token]))
          return ec;
        if (!r.read_string(out.token)) return walk.fail_json(names[token]);
        if (out.token.escaped.empty()) return walk.fail(error::empty_token, names[token], at);
        return {};
      case valid_until: {
        json::raw_string text;
        if (const std::error_code ec =
                walk.expect_kind(json::value_kind::string, names[valid_until]))
          return ec;
        if (!r.read_string(text)) return walk.fail_json(names[valid_until]);
        time::timestamp t;
        if (!time::parse_iso8601(walk.decoded(text, value_scratch_), t))
          return walk.fail(error::invalid_timestamp, names[valid_until], at);
        out.valid_until = t.utc;
        return {};
      }
      default: {  // milliseconds_valid
        std::int64_t ms = 0;
        if (const std::error_code ec =
                walk.expect_kind(json::value_kind::number, names[milliseconds_valid]))
          return ec;
        if (!r.read_int64(ms)) return walk.fail_json(names[milliseconds_valid], at);
        if (ms < 0 || ms > std::numeric_limits<std::int32_t>::max())
          return walk.fail(error::validity_out_of_range, names[milliseconds_valid], at);
        out.valid_for = std::chrono::milliseconds(ms);
        return {};
      }
    }
  };
  std::string_view object_text;
  return walk.document(names, 1u << token, object_text, read_member);
}

}  // namespace eventwire::missioncontrol
