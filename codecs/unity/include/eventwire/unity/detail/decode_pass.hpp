#pragma once

// What the Unity decoders share: one walk over a JSON text with the json::reader, recording the
// first error with its key path. Internal to the codec.

#include <eventwire/json/reader.hpp>
#include <eventwire/unity/detail/decode_failure.hpp>
#include <eventwire/unity/detail/key_match.hpp>
#include <eventwire/unity/detail/key_path.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace eventwire::unity::detail {

class decode_pass {
 public:
  // `text` starts `base_offset` bytes into the decoder's input (error offsets count from there).
  // `key_scratch` holds a key that had escapes while it is compared.
  decode_pass(std::string_view text, std::size_t base_offset, std::size_t max_depth,
              decode_failure& failure, std::string& key_scratch) noexcept
      : text_(text),
        reader_(text, max_depth),
        base_offset_(base_offset),
        failure_(failure),
        key_scratch_(key_scratch) {}

  json::reader& reader() noexcept { return reader_; }
  decode_failure& failure() noexcept { return failure_; }
  std::string_view text() const noexcept { return text_; }
  std::size_t base_offset() const noexcept { return base_offset_; }
  // Where the reader is, counted from the start of the decoder's input.
  std::size_t offset() const noexcept { return base_offset_ + reader_.offset(); }

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

  // An optional string: absent (the caller's default) or null gives nullopt.
  bool optional_string(const key_path& at, std::optional<json::raw_string>& out) {
    if (reader_.try_null()) return out.reset(), true;
    return string(at, out.emplace());
  }

  // Skips the next value (validating it); `raw`, if given, receives its text.
  bool skip(const key_path& at, std::string_view* raw = nullptr) {
    return reader_.skip(raw) || fail_json(at);
  }

  // Where the next value begins (in this pass's text), or nullopt with the error recorded.
  std::optional<std::size_t> value_start(const key_path& at) {
    if (reader_.peek() == json::value_kind::none) return fail_json(at), std::nullopt;
    return reader_.offset();
  }

  // The document's end: nothing but whitespace may follow.
  bool finish(const key_path& at) { return reader_.finish() || fail_json(at); }

  // Walks an object whose known keys are `keys` (matched ignoring ASCII case); bit i of
  // `required` says keys[i] must appear. Calls read_member(i, path) for each known key, which
  // reads its value, and on_unknown(name, path) for any other key, which reads or skips it
  // (`name` is the decoded key; it lives until the next key is read). A known key that appears
  // twice, in any case, is an error.
  template <std::size_t N, class ReadMember, class OnUnknown>
  bool object(const key_path& at, const std::array<std::string_view, N>& keys, unsigned required,
              ReadMember&& read_member, OnUnknown&& on_unknown) {
    static_assert(N <= 32);
    if (!reader_.begin_object()) return fail_json(at);
    unsigned seen = 0;
    for (json::raw_string key; reader_.next_member(key);) {
      const std::string_view name = key.has_escapes ? key.decode(key_scratch_) : key.escaped;
      std::size_t i = 0;
      while (i < N && !keys_match(keys[i], name)) ++i;
      if (i == N) {
        if (!on_unknown(name, at.member(name))) return false;
        continue;
      }
      const key_path path = at.member(keys[i]);
      if (seen >> i & 1u) return fail(error::duplicate_key, path);
      seen |= 1u << i;
      if (!read_member(i, path)) return false;
    }
    if (!reader_.ok()) return fail_json(at);
    if (const unsigned missing = required & ~seen)
      return fail(error::missing_key, at.member(keys[std::countr_zero(missing)]));
    return true;
  }

  // The same, skipping unknown keys.
  template <std::size_t N, class ReadMember>
  bool object(const key_path& at, const std::array<std::string_view, N>& keys, unsigned required,
              ReadMember&& read_member) {
    return object(at, keys, required, read_member,
                  [this](std::string_view, const key_path& path) { return skip(path); });
  }

  // Walks an array of at most `max_elements`, calling read_element(index, path) for each;
  // `too_many` is the error for one element more.
  template <class ReadElement>
  bool array(const key_path& at, std::size_t max_elements, error too_many,
             ReadElement&& read_element) {
    if (!reader_.begin_array()) return fail_json(at);
    std::size_t index = 0;
    for (; reader_.next_element(); ++index) {
      if (index == max_elements) return fail(too_many, at);
      if (!read_element(index, at.element(index))) return false;
    }
    return reader_.ok() || fail_json(at);
  }

 private:
  std::string_view text_;
  json::reader reader_;
  std::size_t base_offset_;
  decode_failure& failure_;
  std::string& key_scratch_;
};

}  // namespace eventwire::unity::detail
