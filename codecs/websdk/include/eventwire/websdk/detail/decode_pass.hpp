#pragma once

// What the Web SDK decoders share: one walk over a JSON text with the json::reader, recording the
// first error with its key path. Internal to the codec.

#include <eventwire/json/reader.hpp>
#include <eventwire/time/timestamp.hpp>
#include <eventwire/websdk/detail/decode_failure.hpp>
#include <eventwire/websdk/detail/key_path.hpp>
#include <eventwire/websdk/sent_time.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eventwire::websdk::detail {

// A known key of an object and the slot it fills; two names with one id are aliases (the legacy
// GetActiveAlarms() names), and giving both is a duplicate.
struct key_spec {
  std::string_view name;
  unsigned id;
};

class decode_pass {
 public:
  // `text` starts `base_offset` bytes into the decoder's input (error offsets count from there).
  // `key_scratch` holds a key that had escapes while its value is read; `value_scratch` a string
  // value decoded for a check (timestamps).
  decode_pass(std::string_view text, std::size_t base_offset, std::size_t max_depth,
              decode_failure& failure, std::string& key_scratch,
              std::string& value_scratch) noexcept
      : reader_(text, max_depth),
        text_(text),
        base_offset_(base_offset),
        failure_(failure),
        key_scratch_(key_scratch),
        value_scratch_(value_scratch) {}

  json::reader& reader() noexcept { return reader_; }
  std::string_view text() const noexcept { return text_; }
  std::size_t offset() const noexcept { return base_offset_ + reader_.offset(); }
  std::size_t base_offset() const noexcept { return base_offset_; }

  bool fail(error e, const key_path& at) { return fail(e, at, offset()); }
  bool fail(error e, const key_path& at, std::size_t offset) { return failure_.set(e, at, offset); }
  // Records the reader's error, which the call that just returned false has set; `offset`, when
  // given, is where the value began (a number's conversion fails after reading it).
  bool fail_json(const key_path& at) { return fail_json(at, offset()); }
  bool fail_json(const key_path& at, std::size_t offset) {
    return failure_.set_from_json(reader_.error_code(), at, offset);
  }

  bool string(const key_path& at, json::raw_string& out) {
    return reader_.read_string(out) || fail_json(at);
  }
  // An optional value: absent (the caller's default) or null gives nullopt.
  bool optional_string(const key_path& at, std::optional<json::raw_string>& out) {
    if (reader_.try_null()) return out.reset(), true;
    return string(at, out.emplace());
  }
  bool int64(const key_path& at, std::int64_t& out) {
    const std::size_t start = value_start();
    return reader_.read_int64(out) || fail_json(at, start);
  }
  bool optional_int64(const key_path& at, std::optional<std::int64_t>& out) {
    if (reader_.try_null()) return out.reset(), true;
    return int64(at, out.emplace());
  }
  bool optional_bool(const key_path& at, std::optional<bool>& out) {
    if (reader_.try_null()) return out.reset(), true;
    return reader_.read_bool(out.emplace()) || fail_json(at);
  }
  bool optional_double(const key_path& at, std::optional<double>& out) {
    if (reader_.try_null()) return out.reset(), true;
    const std::size_t start = value_start();
    return reader_.read_double(out.emplace()) || fail_json(at, start);
  }
  // A date-time string: the text as sent and the instant it names.
  bool time(const key_path& at, sent_time& out) {
    const std::size_t start = value_start();
    if (!string(at, out.text)) return false;
    const std::string_view text =
        out.text.has_escapes ? out.text.decode(value_scratch_) : out.text.escaped;
    return time::parse_iso8601(text, out.value) || fail(error::invalid_timestamp, at, start);
  }
  bool optional_time(const key_path& at, std::optional<sent_time>& out) {
    if (reader_.try_null()) return out.reset(), true;
    return time(at, out.emplace());
  }
  // Skips any value, keeping its exact text.
  bool raw(const key_path& at, std::string_view& out) {
    return reader_.skip(&out) || fail_json(at);
  }

  // The document's end: nothing but whitespace may follow.
  bool finish(const key_path& at) { return reader_.finish() || fail_json(at); }

  // Walks an object whose known keys are `keys`; bit i of `required` says the key with id i must
  // appear. Calls read_member(id, path) for each known key, which reads its value; skips other
  // keys. A known key (or an alias of it) that appears twice is an error.
  template <std::size_t N, class ReadMember>
  bool object(const key_path& at, const std::array<key_spec, N>& keys, std::uint32_t required,
              ReadMember&& read_member) {
    if (!reader_.begin_object()) return fail_json(at);
    std::uint32_t seen = 0;
    for (json::raw_string key; reader_.next_member(key);) {
      const std::string_view name = key.has_escapes ? key.decode(key_scratch_) : key.escaped;
      std::size_t i = 0;
      while (i < N && keys[i].name != name) ++i;
      if (i == N) {
        if (!reader_.skip()) return fail_json(at.member(name));
        continue;
      }
      const key_path path = at.member(keys[i].name);
      const std::uint32_t bit = std::uint32_t{1} << keys[i].id;
      if (seen & bit) return fail(error::duplicate_key, path);
      seen |= bit;
      if (!read_member(keys[i].id, path)) return false;
    }
    if (!reader_.ok()) return fail_json(at);
    if (const std::uint32_t missing = required & ~seen) {
      const auto id = static_cast<unsigned>(std::countr_zero(missing));
      for (const key_spec& k : keys)
        if (k.id == id) return fail(error::missing_key, at.member(k.name));
    }
    return true;
  }

  // Walks an array of at most `max_elements`, calling read_element(index, path) for each.
  template <class ReadElement>
  bool array(const key_path& at, std::size_t max_elements, ReadElement&& read_element) {
    if (!reader_.begin_array()) return fail_json(at);
    std::size_t index = 0;
    for (; reader_.next_element(); ++index) {
      if (index == max_elements) return fail(error::too_many_elements, at);
      if (!read_element(index, at.element(index))) return false;
    }
    return reader_.ok() || fail_json(at);
  }

  // Where the next value begins (after whitespace), for error offsets of converted values.
  std::size_t value_start() {
    (void)reader_.peek();
    return offset();
  }

 private:
  json::reader reader_;
  std::string_view text_;
  std::size_t base_offset_;
  decode_failure& failure_;
  std::string& key_scratch_;
  std::string& value_scratch_;
};

}  // namespace eventwire::websdk::detail
