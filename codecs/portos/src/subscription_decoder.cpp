#include <eventwire/portos/detail/decode_pass.hpp>
#include <eventwire/portos/subscription_decoder.hpp>

#include <array>

namespace eventwire::portos {
namespace {

using detail::key_path;
using json::raw_string;
using keys = std::string_view;

class subscription_walk {
 public:
  subscription_walk(detail::decode_pass& pass, std::string& value_scratch,
                    const subscription_decoder::limits& limits) noexcept
      : pass_(pass), r_(pass.reader()), value_scratch_(value_scratch), limits_(limits) {}

  bool read_subscription(const key_path& at, subscription& out) {
    static constexpr std::array<keys, 2> names{"e", "r"};
    std::size_t resources = 0;
    auto read_resource_at = [&](std::size_t i, const key_path& element) {
      if (i == out.resources.size()) out.resources.emplace_back();
      resources = i + 1;
      return read_resource(element, out.resources[i]);
    };
    auto read_member = [&](std::size_t key, const key_path& path) {
      if (key == 0) return read_text(path, out.event);
      if (r_.try_null()) return true;
      return pass_.array(path, limits_.max_resources, read_resource_at);
    };
    const bool ok = pass_.object(at, names, 0b01u, read_member);
    out.resources.resize(resources);  // keeps the storage of the elements still in use
    return ok && pass_.finish(at);
  }

 private:
  bool read_text(const key_path& at, std::string& out) {
    raw_string text;
    if (!pass_.string(at, text)) return false;
    out.clear();
    text.append_to(out);
    return true;
  }

  bool read_resource(const key_path& at, subscribed_resource& out) {
    static constexpr std::array<keys, 2> names{"n", "a"};
    out.actions.clear();
    return pass_.object(at, names, 0b01u, [&](std::size_t key, const key_path& path) {
      if (key == 0) return read_text(path, out.name);
      if (r_.try_null()) return true;
      return pass_.array(path, limits_.max_actions, [&](std::size_t, const key_path& element) {
        return read_action(element, out.actions.emplace_back());
      });
    });
  }

  // A name ("created") or, as notifications send it, a number (1).
  bool read_action(const key_path& at, resource_action& out) {
    switch (r_.peek()) {
      case json::value_kind::string: {
        raw_string name;
        if (!pass_.string(at, name)) return false;
        const std::string_view text = name.has_escapes ? name.decode(value_scratch_) : name.escaped;
        const std::size_t start = pass_.offset() - name.escaped.size() - 2;  // at the quote
        return parse_action_name(text, out) || pass_.fail(error::unknown_action, at, start);
      }
      case json::value_kind::number: {
        std::string_view number;
        if (!r_.read_number(number)) return pass_.fail_json(at);
        return parse_action_number(number, out) ||
               pass_.fail(error::unknown_action, at, pass_.offset() - number.size());
      }
      case json::value_kind::none: return pass_.fail_json(at);
      default: return pass_.fail(error::wrong_type, at);
    }
  }

  detail::decode_pass& pass_;
  json::reader& r_;
  std::string& value_scratch_;
  const subscription_decoder::limits& limits_;
};

}  // namespace

std::error_code subscription_decoder::decode(std::string_view json, subscription& out) {
  out.event.clear();
  failure_.clear();
  detail::decode_pass pass(json, 0, limits_.max_depth, failure_, key_scratch_);
  subscription_walk walk(pass, value_scratch_, limits_);
  if (!walk.read_subscription(detail::key_path(), out)) return failure_.code();
  return {};
}

}  // namespace eventwire::portos
