#include <eventwire/clay/detail/ascii.hpp>
#include <eventwire/clay/message_decoder.hpp>
#include <eventwire/json/error.hpp>

#include <algorithm>
#include <array>

namespace eventwire::clay {
namespace {

// Whether `number` (valid JSON number text) is an integer: no fraction, no exponent.
bool is_integer(std::string_view number) noexcept {
  return number.find_first_of(".eE") == std::string_view::npos;
}

// One walk over the message object with the reader, recording the first error in `failure`.
class message_walk {
 public:
  message_walk(std::string_view text, const message_decoder::options& options,
               detail::decode_failure& failure, std::string& key_scratch,
               std::string& value_scratch) noexcept
      : text_(text),
        r_(text, options.max_depth),
        keys_(options.keys),
        failure_(failure),
        key_scratch_(key_scratch),
        value_scratch_(value_scratch) {}

  std::error_code read(message& out) {
    const json::value_kind kind = r_.peek();
    if (kind == json::value_kind::none) return fail_json({});
    const std::size_t start = r_.offset();
    if (kind != json::value_kind::object) {
      // Valid JSON of another kind is message_not_object; anything else invalid JSON.
      if (!r_.skip() || !r_.finish()) return fail_json({});
      return failure_.set(error::message_not_object, {}, start);
    }
    if (!r_.begin_object()) return fail_json({});
    const std::array<std::string_view, 4> names{keys_.id, keys_.type, keys_.time,
                                                keys_.collection_id};
    unsigned seen = 0;
    for (json::raw_string key; r_.next_member(key);) {
      const std::string_view name = key.has_escapes ? key.decode(key_scratch_) : key.escaped;
      std::size_t i = 0;
      while (i < names.size() && (names[i].empty() || !detail::iequals(names[i], name))) ++i;
      if (i == names.size()) {
        if (!r_.skip()) return fail_json(name);
        continue;
      }
      if (seen >> i & 1u) return failure_.set(error::duplicate_key, names[i], r_.offset());
      seen |= 1u << i;
      if (r_.try_null()) continue;
      if (r_.peek() == json::value_kind::none) return fail_json(names[i]);
      std::error_code ec;
      switch (i) {
        case 0: ec = read_identifier(names[i], out.id.emplace()); break;
        case 1: ec = read_string(names[i], out.type.emplace()); break;
        case 2: ec = read_time(names[i], out.time.emplace()); break;
        default: ec = read_identifier(names[i], out.collection_id.emplace()); break;
      }
      if (ec) return ec;
    }
    if (!r_.ok()) return fail_json({});
    out.json = text_.substr(start, r_.offset() - start);
    if (!r_.finish()) return fail_json({});
    return {};
  }

 private:
  std::error_code fail_json(std::string_view key) {
    return failure_.set_from_json(r_.error_code(), key, r_.offset());
  }

  // A valid value of the wrong kind is wrong_type; a value that is not JSON invalid JSON.
  std::error_code wrong_kind(std::string_view key, json::error expected) {
    const std::size_t at = r_.offset();
    if (!r_.skip()) return fail_json(key);
    return failure_.set(error::wrong_type, key, at, expected);
  }

  std::error_code read_string(std::string_view key, json::raw_string& out) {
    if (r_.peek() != json::value_kind::string)
      return wrong_kind(key, json::error::expected_string);
    if (!r_.read_string(out)) return fail_json(key);
    return {};
  }

  std::error_code read_identifier(std::string_view key, identifier& out) {
    const std::size_t at = r_.offset();
    if (r_.peek() == json::value_kind::number) {
      std::string_view number;
      if (!r_.read_number(number)) return fail_json(key);
      if (!is_integer(number))
        return failure_.set(error::wrong_type, key, at, json::error::expected_number);
      out.text = json::raw_string{number, false};
      out.is_number = true;
      return {};
    }
    return read_string(key, out.text);
  }

  std::error_code read_time(std::string_view key, sent_time& out) {
    const std::size_t at = r_.offset();
    if (const std::error_code ec = read_string(key, out.text)) return ec;
    const std::string_view text =
        out.text.has_escapes ? out.text.decode(value_scratch_) : out.text.escaped;
    if (!time::parse_iso8601(text, out.value))
      return failure_.set(error::invalid_timestamp, key, at);
    return {};
  }

  std::string_view text_;
  json::reader r_;
  const message_decoder::field_names& keys_;
  detail::decode_failure& failure_;
  std::string& key_scratch_;
  std::string& value_scratch_;
};

}  // namespace

void message_decoder::start(hub h, message& out) {
  out = message{};
  out.hub = h;
  failure_.clear();
}

std::error_code message_decoder::decode(std::string_view argument_json, hub h,
                                        std::string& buffer, message& out) {
  start(h, out);
  json::reader outer(argument_json, options_.max_depth);
  const json::value_kind kind = outer.peek();
  const std::size_t start = outer.offset();
  if (kind != json::value_kind::string) {
    // Valid JSON of another kind is argument_not_string; anything else invalid JSON.
    if (kind == json::value_kind::none || !outer.skip() || !outer.finish())
      return failure_.set(error::invalid_argument_json, {}, outer.offset(), outer.error_code());
    return failure_.set(error::argument_not_string, {}, start);
  }
  json::raw_string content;
  if (!outer.read_string(content) || !outer.finish())
    return failure_.set(error::invalid_argument_json, {}, outer.offset(), outer.error_code());
  return read_content(content, start, buffer, out);
}

std::error_code message_decoder::decode_validated(std::string_view argument_json, hub h, std::string& buffer,
                                                  message& out) {
  start(h, out);
  json::raw_string content;
  if (!json::raw_string::from_validated(argument_json, content))
    return failure_.set(error::argument_not_string, {}, 0);
  return read_content(content, 0, buffer, out);
}

// `start`: the offset of the string in the argument, for errors.
std::error_code message_decoder::read_content(const json::raw_string& content, std::size_t start, std::string& buffer,
                                              message& out) {
  if (!content.has_escapes) {
    if (content.escaped.size() > options_.max_message_size)
      return failure_.set(error::message_too_large, {}, start);
    return read_message(content.escaped, out);
  }
  // The decoded text is never longer than the escaped one.
  const std::size_t capacity = std::min(content.escaped.size(), options_.max_message_size);
  if (buffer.size() < capacity) buffer.resize(capacity);
  std::size_t size = 0;
  if (!content.decode_into(buffer.data(), capacity, size))
    return failure_.set(error::message_too_large, {}, start);
  return read_message(std::string_view(buffer.data(), size), out);
}

std::error_code message_decoder::decode_message(std::string_view message_json, hub h,
                                                message& out) {
  start(h, out);
  if (message_json.size() > options_.max_message_size)
    return failure_.set(error::message_too_large, {}, 0);
  return read_message(message_json, out);
}

std::error_code message_decoder::read_message(std::string_view text, message& out) {
  message_walk walk(text, options_, failure_, key_scratch_, value_scratch_);
  const std::error_code ec = walk.read(out);
  if (!ec || ec == error::invalid_message_json || ec == error::message_not_object) return ec;
  // Other errors are reported only for a message that is valid JSON: a second reader validates
  // the whole text, and invalid_message_json wins if it fails.
  json::reader check(text, options_.max_depth);
  if (check.skip() && check.finish()) return ec;
  return failure_.replace_with_invalid_json(check.error_code(), check.offset());
}

}  // namespace eventwire::clay
