#include <eventwire/websdk/detail/envelope.hpp>
#include <eventwire/websdk/failure.hpp>

namespace eventwire::websdk {

bool is_ok_status(std::string_view status) noexcept {
  return status.size() == 2 && (status[0] == 'O' || status[0] == 'o') &&
         (status[1] == 'K' || status[1] == 'k');
}

namespace detail {

bool read_failure_result(decode_pass& pass, const key_path& at, failure& out) {
  json::reader& r = pass.reader();
  switch (r.peek()) {
    case json::value_kind::string: return pass.string(at, out.message.emplace());
    case json::value_kind::object: break;
    case json::value_kind::none: return pass.fail_json(at);
    default: return r.skip() || pass.fail_json(at);
  }
  if (!r.begin_object()) return pass.fail_json(at);
  for (json::raw_string key; r.next_member(key);) {
    std::optional<json::raw_string>* target = nullptr;
    if (key.equals("Message"))
      target = &out.message;
    else if (key.equals("SdkErrorCode"))
      target = &out.code;
    if (target && r.peek() == json::value_kind::string) {
      if (!pass.string(at.member(key.escaped), target->emplace())) return false;
    } else if (!r.skip()) {
      return pass.fail_json(at.member(key.escaped));
    }
  }
  return r.ok() || pass.fail_json(at);
}

}  // namespace detail
}  // namespace eventwire::websdk
