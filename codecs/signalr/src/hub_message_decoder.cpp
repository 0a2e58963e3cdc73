#include <eventwire/json/reader.hpp>
#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/hub_message_decoder.hpp>

#include <charconv>
#include <string>

namespace eventwire::signalr {
namespace {

using json::value_kind;

enum class presence : unsigned char { absent, present, wrong_type };

template <class T>
struct field {
  T value{};
  presence state = presence::absent;

  bool present() const noexcept { return state == presence::present; }
  bool wrong_type() const noexcept { return state == presence::wrong_type; }
};

// What the envelope holds, gathered in one pass before the type is known (the TypeScript client
// writes `type` last). JSON values are kept as their exact text.
struct envelope {
  field<std::int64_t> type;
  field<json::raw_string> target;
  field<json::raw_string> invocation_id;
  field<std::string_view> arguments;
  std::string_view first_argument;
  field<std::string_view> stream_ids;
  field<std::string_view> headers;
  field<std::string_view> item;
  field<std::string_view> result;
  field<json::raw_string> error;
  field<bool> allow_reconnect;
  field<std::uint64_t> sequence_id;
};

template <class T>
bool parse_integer(std::string_view text, T& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

class envelope_reader {
 public:
  explicit envelope_reader(std::string_view record) : record_(record), reader_(record) {}

  std::error_code read(envelope& e) {
    if (reader_.begin_object()) {
      for (json::raw_string key; reader_.next_member(key);) read_member(key, e);
    }
    if (!reader_.finish()) return reader_.error_code();
    return {};
  }

 private:
  void read_member(const json::raw_string& key, envelope& e) {
    const std::string_view name = key.has_escapes ? key.decode(scratch_) : key.escaped;
    switch (name.size()) {
      case 4:
        if (name == "type") return read_integer(e.type);
        if (name == "item") return read_raw(e.item);
        break;
      case 5:
        if (name == "error") return read_string(e.error);
        break;
      case 6:
        if (name == "target") return read_string(e.target);
        if (name == "result") return read_raw(e.result);
        break;
      case 7:
        if (name == "headers") return read_string_container(e.headers, value_kind::object);
        break;
      case 9:
        if (name == "arguments") return read_arguments(e.arguments, e.first_argument);
        if (name == "streamIds") return read_string_container(e.stream_ids, value_kind::array);
        break;
      case 10:
        if (name == "sequenceId") return read_integer(e.sequence_id);
        break;
      case 12:
        if (name == "invocationId") return read_string(e.invocation_id);
        break;
      case 14:
        if (name == "allowReconnect") return read_bool(e.allow_reconnect);
        break;
      default: break;
    }
    reader_.skip();
  }

  // Skips a value of the wrong kind; null leaves an optional property absent.
  template <class T>
  void wrong_kind(field<T>& f, value_kind kind) {
    if (kind == value_kind::null) {
      f.state = presence::absent;
      reader_.read_null();
    } else {
      f.state = presence::wrong_type;
      reader_.skip();
    }
  }

  template <class T>
  void read_integer(field<T>& f) {
    const value_kind kind = reader_.peek();
    std::string_view text;
    if (kind != value_kind::number) {
      f.state = presence::wrong_type;
      reader_.skip();
    } else if (reader_.read_number(text)) {
      f.state = parse_integer(text, f.value) ? presence::present : presence::wrong_type;
    }
  }

  void read_string(field<json::raw_string>& f) {
    const value_kind kind = reader_.peek();
    if (kind != value_kind::string) return wrong_kind(f, kind);
    if (reader_.read_string(f.value)) f.state = presence::present;
  }

  void read_bool(field<bool>& f) {
    const value_kind kind = reader_.peek();
    if (kind != value_kind::boolean) return wrong_kind(f, kind);
    if (reader_.read_bool(f.value)) f.state = presence::present;
  }

  void read_raw(field<std::string_view>& f) {
    if (reader_.skip(&f.value)) f.state = presence::present;
  }

  // The arguments array, noting where its first element lies on the way.
  void read_arguments(field<std::string_view>& f, std::string_view& first) {
    const value_kind kind = reader_.peek();
    if (kind != value_kind::array) {
      f.state = presence::wrong_type;
      reader_.skip();
      return;
    }
    const std::size_t start = reader_.offset();
    first = {};
    reader_.begin_array();
    if (reader_.next_element() && reader_.skip(&first)) {
      while (reader_.next_element() && reader_.skip()) {
      }
    }
    if (!reader_.ok()) return;
    f.state = presence::present;
    f.value = record_.substr(start, reader_.offset() - start);
  }

  // An array of strings ("streamIds") or an object of strings ("headers").
  void read_string_container(field<std::string_view>& f, value_kind container) {
    const value_kind kind = reader_.peek();
    if (kind != container) return wrong_kind(f, kind);
    const std::size_t start = reader_.offset();
    bool all_strings = true;
    auto read_one = [&] {
      json::raw_string s;
      if (reader_.peek() == value_kind::string) return reader_.read_string(s);
      all_strings = false;
      return reader_.skip();
    };
    if (container == value_kind::array) {
      reader_.begin_array();
      while (reader_.next_element() && read_one()) {
      }
    } else {
      reader_.begin_object();
      for (json::raw_string key; reader_.next_member(key) && read_one();) {
      }
    }
    if (!reader_.ok()) return;
    f.state = all_strings ? presence::present : presence::wrong_type;
    f.value = record_.substr(start, reader_.offset() - start);
  }

  std::string_view record_;
  json::reader reader_;
  std::string scratch_;
};

// The checks shared by the message types that carry them, in the order they are reported.
std::error_code check_common(const envelope& e) {
  if (e.invocation_id.wrong_type()) return error::invocation_id_not_string;
  if (e.headers.wrong_type()) return error::headers_not_strings;
  return {};
}

template <class Call>
std::error_code make_call(const envelope& e, Call& call) {
  if (e.target.wrong_type()) return error::target_not_string;
  if (!e.target.present() || e.target.value.escaped.empty()) return error::missing_target;
  if (e.arguments.wrong_type()) return error::arguments_not_array;
  if (!e.arguments.present()) return error::missing_arguments;
  if (e.stream_ids.wrong_type()) return error::stream_ids_not_strings;
  call.target = e.target.value;
  call.arguments = raw_array(e.arguments.value, e.first_argument);
  call.stream_ids = string_list(e.stream_ids.value);
  call.headers = string_map(e.headers.value);
  return {};
}

std::error_code build(const envelope& e, hub_message& out) {
  if (e.type.wrong_type()) return error::type_not_integer;
  if (!e.type.present()) return error::missing_type;
  const std::int64_t type = e.type.value;
  if (type >= 1 && type <= 5) {
    if (const std::error_code ec = check_common(e)) return ec;
  }
  switch (type) {
    case 1: {
      auto& m = out.emplace<invocation>();
      if (e.invocation_id.present()) m.invocation_id = e.invocation_id.value;
      return make_call(e, m);
    }
    case 2: {
      if (!e.invocation_id.present()) return error::stream_item_without_id;
      if (!e.item.present()) return error::stream_item_without_item;
      out = stream_item{e.invocation_id.value, e.item.value, string_map(e.headers.value)};
      return {};
    }
    case 3: {
      if (!e.invocation_id.present()) return error::completion_without_id;
      if (e.error.wrong_type()) return error::error_not_string;
      if (e.error.present() && e.result.present()) return error::result_and_error;
      auto& m = out.emplace<completion>();
      m.invocation_id = e.invocation_id.value;
      if (e.result.present()) m.result = e.result.value;
      if (e.error.present()) m.error = e.error.value;
      m.headers = string_map(e.headers.value);
      return {};
    }
    case 4: {
      if (!e.invocation_id.present()) return error::stream_invocation_without_id;
      auto& m = out.emplace<stream_invocation>();
      m.invocation_id = e.invocation_id.value;
      return make_call(e, m);
    }
    case 5: {
      if (!e.invocation_id.present()) return error::cancel_invocation_without_id;
      out = cancel_invocation{e.invocation_id.value, string_map(e.headers.value)};
      return {};
    }
    case 6: out = ping{}; return {};
    case 7: {
      if (e.error.wrong_type()) return error::error_not_string;
      if (e.allow_reconnect.wrong_type()) return error::allow_reconnect_not_boolean;
      auto& m = out.emplace<close>();
      if (e.error.present()) m.error = e.error.value;
      if (e.allow_reconnect.present()) m.allow_reconnect = e.allow_reconnect.value;
      return {};
    }
    case 8:
    case 9: {
      if (e.sequence_id.wrong_type()) return error::sequence_id_not_integer;
      if (!e.sequence_id.present())
        return type == 8 ? error::ack_without_sequence_id : error::sequence_without_sequence_id;
      if (type == 8) out = ack{e.sequence_id.value};
      else out = sequence{e.sequence_id.value};
      return {};
    }
    default: out = unknown_message{type}; return {};
  }
}

}  // namespace

std::error_code decode_hub_message(std::string_view record, hub_message& out) {
  envelope e;
  if (const std::error_code ec = envelope_reader(record).read(e)) return ec;
  return build(e, out);
}

}  // namespace eventwire::signalr
