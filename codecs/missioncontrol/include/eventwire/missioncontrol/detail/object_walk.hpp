#pragma once

// What the Mission Control decoders share: one walk over a flat JSON object whose known keys
// are matched ASCII case-insensitively, recording the first error. Internal to the codec.

#include <eventwire/json/error.hpp>
#include <eventwire/json/reader.hpp>
#include <eventwire/missioncontrol/detail/ascii.hpp>
#include <eventwire/missioncontrol/detail/decode_failure.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace eventwire::missioncontrol::detail {

class object_walk {
 public:
  object_walk(std::string_view text, std::size_t max_depth, decode_failure& failure,
              std::string& key_scratch) noexcept
      : text_(text),
        max_depth_(max_depth),
        reader_(text, max_depth),
        failure_(failure),
        key_scratch_(key_scratch) {}

  json::reader& reader() noexcept { return reader_; }
  std::size_t offset() const noexcept { return reader_.offset(); }

  std::error_code fail(error e, std::string_view key) { return failure_.set(e, key, offset()); }
  std::error_code fail(error e, std::string_view key, std::size_t at) {
    return failure_.set(e, key, at);
  }
  // Records the reader's error, which the call that just returned false has set.
  std::error_code fail_json(std::string_view key) { return fail_json(key, offset()); }
  std::error_code fail_json(std::string_view key, std::size_t at) {
    return failure_.set_from_json(reader_.error_code(), key, at);
  }

  // Walks the document: one object, nothing but whitespace after it. `names[i]` is matched in
  // any ASCII case (an empty name never matches); bit i of `required` says it must appear.
  // read_member(i) reads the value of names[i] and returns an error or {}. `object_text`
  // receives the object's exact text.
  // An error other than invalid_json is reported only for a text that is valid JSON: on such an
  // error a second reader validates the whole text, and invalid_json wins if it fails.
  template <std::size_t N, class ReadMember>
  std::error_code document(const std::array<std::string_view, N>& names, unsigned required,
                           std::string_view& object_text, ReadMember&& read_member) {
    const std::error_code ec = walk(names, required, object_text, read_member);
    if (!ec || ec == error::invalid_json) return ec;
    json::reader check(text_, max_depth_);
    if (check.skip() && check.finish()) return ec;
    return failure_.replace_with_invalid_json(check.error_code(), check.offset());
  }

 private:
  template <std::size_t N, class ReadMember>
  std::error_code walk(const std::array<std::string_view, N>& names, unsigned required,
                       std::string_view& object_text, ReadMember& read_member) {
    static_assert(N <= 32);
    if (const std::error_code ec = expect_kind(json::value_kind::object, {})) return ec;
    const std::size_t start = offset();
    if (!reader_.begin_object()) return fail_json({});
    unsigned seen = 0;
    for (json::raw_string key; reader_.next_member(key);) {
      const std::string_view name = key.has_escapes ? key.decode(key_scratch_) : key.escaped;
      std::size_t i = 0;
      while (i < N && (names[i].empty() || !iequals(names[i], name))) ++i;
      if (i == N) {
        if (!reader_.skip()) return fail_json(name);
        continue;
      }
      if (seen >> i & 1u) return fail(error::duplicate_key, names[i]);
      seen |= 1u << i;
      if (const std::error_code ec = read_member(i)) return ec;
    }
    if (!reader_.ok()) return fail_json({});
    object_text = text_.substr(start, offset() - start);
    if (!reader_.finish()) return fail_json({});
    if (const unsigned missing = required & ~seen)
      return fail(error::missing_key, names[std::countr_zero(missing)]);
    return {};
  }

 public:

  // Checks that the next value is of kind `want`. A valid value of another kind is wrong_type
  // (with the reader's expected_* error); a value that is not valid JSON is invalid_json.
  std::error_code expect_kind(json::value_kind want, std::string_view key) {
    const json::value_kind kind = reader_.peek();
    if (kind == want) return {};
    if (kind == json::value_kind::none) return fail_json(key);
    const std::size_t at = offset();
    if (!reader_.skip()) return fail_json(key);
    return failure_.set(error::wrong_type, key, at, expected(want));
  }

  // A string value; absent (the caller's default) or null leaves `present` false.
  std::error_code optional_string(std::string_view key, json::raw_string& out, bool& present) {
    if (reader_.try_null()) return present = false, std::error_code{};
    if (const std::error_code ec = expect_kind(json::value_kind::string, key)) return ec;
    if (!reader_.read_string(out)) return fail_json(key);
    present = true;
    return {};
  }

  static std::error_code expected(json::value_kind kind) noexcept {
    switch (kind) {
      case json::value_kind::object: return json::error::expected_object;
      case json::value_kind::array: return json::error::expected_array;
      case json::value_kind::number: return json::error::expected_number;
      case json::value_kind::boolean: return json::error::expected_boolean;
      default: return json::error::expected_string;
    }
  }

  std::string_view decoded(const json::raw_string& s, std::string& scratch) const {
    return s.has_escapes ? s.decode(scratch) : s.escaped;
  }

 private:
  std::string_view text_;
  std::size_t max_depth_;
  json::reader reader_;
  decode_failure& failure_;
  std::string& key_scratch_;
};

}  // namespace eventwire::missioncontrol::detail
