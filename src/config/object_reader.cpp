#include <eventwire/config/object_reader.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/stream_parser.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace eventwire::config {

namespace json = boost::json;

std::string problems::describe() const {
  std::string out;
  for (const problem& p : list_) {
    out += p.path.empty() ? std::string("(document)") : p.path;
    out += ": ";
    out += p.message;
    out += '\n';
  }
  return out;
}

object_reader::object_reader(const json::value& value, std::string path, problems& found)
    : object_(value.if_object()), path_(std::move(path)), found_(found) {
  if (!object_) found_.add(path_, "must be an object");
}

std::string object_reader::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void object_reader::wrong(std::string_view key, std::string_view expected) {
  found_.add(path_of(key), "must be " + std::string(expected));
}

const json::value* object_reader::member(std::string_view key, bool required) {
  known_.emplace(key);
  if (!object_) return nullptr;
  const json::value* v = object_->if_contains(key);
  if (!v && required) found_.add(path_of(key), "is required");
  return v;
}

const json::value* object_reader::value(std::string_view key, bool required) { return member(key, required); }

std::optional<std::string> object_reader::string(std::string_view key, bool required) {
  const json::value* v = member(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    wrong(key, "a string");
    return std::nullopt;
  }
  if (v->get_string().empty() && required) {
    wrong(key, "a non-empty string");
    return std::nullopt;
  }
  return std::string(v->get_string());
}

std::optional<bool> object_reader::boolean(std::string_view key) {
  const json::value* v = member(key, false);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    wrong(key, "true or false");
    return std::nullopt;
  }
  return v->get_bool();
}

std::optional<std::uint64_t> object_reader::unsigned_integer(std::string_view key, std::uint64_t max) {
  const json::value* v = member(key, false);
  if (!v) return std::nullopt;
  std::uint64_t n = 0;
  if (v->is_uint64()) {
    n = v->get_uint64();
  } else if (v->is_int64() && v->get_int64() >= 0) {
    n = static_cast<std::uint64_t>(v->get_int64());
  } else {
    wrong(key, "a whole number from 0 to " + std::to_string(max));
    return std::nullopt;
  }
  if (n > max) {
    wrong(key, "a whole number from 0 to " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<double> object_reader::number(std::string_view key) {
  const json::value* v = member(key, false);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    wrong(key, "a number");
    return std::nullopt;
  }
  return v->to_number<double>();
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  double scale = 1000.0;
  const auto strip = [&](std::string_view suffix, double s) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      text.remove_suffix(suffix.size());
      scale = s;
      return true;
    }
    return false;
  };
  (void)(strip("ms", 1.0) || strip("s", 1000.0) || strip("m", 60'000.0) || strip("h", 3'600'000.0));
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) || value < 0 ||
      value * scale >= 1e12)
    return std::nullopt;
  return std::chrono::milliseconds(static_cast<std::int64_t>(value * scale));
}

std::optional<std::chrono::milliseconds> object_reader::duration(std::string_view key) {
  const json::value* v = member(key, false);
  if (!v) return std::nullopt;
  if (v->is_number()) {
    const double seconds = v->to_number<double>();
    if (seconds >= 0 && seconds < 1e9) return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
  } else if (v->is_string()) {
    if (auto d = parse_duration(v->get_string())) return d;
  }
  wrong(key, "a duration such as \"10s\", \"1500ms\", \"2m\" or a number of seconds");
  return std::nullopt;
}

std::vector<std::string> object_reader::strings(std::string_view key) {
  std::vector<std::string> out;
  const json::value* v = member(key, false);
  if (!v) return out;
  const json::array* a = v->if_array();
  if (!a) {
    wrong(key, "an array of strings");
    return out;
  }
  for (std::size_t i = 0; i < a->size(); ++i) {
    if (!(*a)[i].is_string()) {
      found_.add(path_of(key) + "[" + std::to_string(i) + "]", "must be a string");
      continue;
    }
    out.emplace_back((*a)[i].get_string());
  }
  return out;
}

std::optional<auth::secret> object_reader::secret(std::string_view key, bool required) {
  const json::value* v = member(key, required);
  if (!v) return std::nullopt;
  if (v->is_string()) return auth::secret(auth::literal_secret{std::string(v->get_string())});
  if (v->is_object()) {
    object_reader inner(*v, path_of(key), found_);
    const auto& o = v->get_object();
    std::optional<auth::secret> out;
    if (o.contains("env")) {
      if (auto name = inner.string("env", true)) out = auth::secret(auth::environment_variable{*name});
    } else if (o.contains("file")) {
      if (auto path = inner.string("file", true)) out = auth::secret(auth::secret_file{*path});
    } else if (o.contains("command")) {
      auto argv = inner.strings("command");
      if (argv.empty()) {
        found_.add(inner.path_of("command"), "must name a program to run");
      } else {
        out = auth::secret(auth::secret_command{std::move(argv)});
      }
    } else {
      found_.add(path_of(key), "must be {\"env\": NAME}, {\"file\": PATH}, {\"command\": [PROGRAM, ARGS...]} or a string");
      return std::nullopt;
    }
    inner.finish();
    return out;
  }
  wrong(key, "{\"env\": NAME}, {\"file\": PATH}, {\"command\": [PROGRAM, ARGS...]} or a string");
  return std::nullopt;
}

void object_reader::finish() {
  if (!object_) return;
  for (const auto& member : *object_) {
    if (!known_.contains(member.key())) found_.add(path_of(member.key()), "is not a known setting");
  }
}

std::optional<json::value> parse_config_text(std::string_view text, problems& found) {
  json::parse_options options;
  options.allow_comments = true;
  options.allow_trailing_commas = true;
  json::stream_parser parser({}, options);
  boost::system::error_code ec;
  const std::size_t used = parser.write_some(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    const std::size_t at = std::min(used, text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    const auto line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    const std::size_t column = at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    found.add("", "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
                      ec.message());
    return std::nullopt;
  }
  return parser.release();
}

}  // namespace eventwire::config
