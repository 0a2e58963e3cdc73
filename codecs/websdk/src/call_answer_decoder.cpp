#include <eventwire/websdk/call_answer_decoder.hpp>
#include <eventwire/websdk/detail/envelope.hpp>

#include <array>

namespace eventwire::websdk {

std::error_code call_answer_decoder::decode(std::string_view json, call_answer& out) {
  failure_.clear();
  out = call_answer{};
  auto read_result = [&](detail::decode_pass& pass, const detail::key_path& at) {
    if (pass.reader().peek() != json::value_kind::object) {
      std::string_view ignored;
      return pass.raw(at, ignored);
    }
    static constexpr std::array<detail::key_spec, 5> names{{{"alarminstanceid", 0},
                                                            {"Acknowledged", 1},
                                                            {"IsActive", 2},
                                                            {"IsRecipient", 3},
                                                            {"Contains", 3}}};
    return pass.object(at, names, 0, [&](unsigned id, const detail::key_path& path) {
      switch (id) {
        case 0: return pass.optional_int64(path, out.alarm_instance_id);
        case 1: return pass.optional_bool(path, out.acknowledged);
        case 2: return pass.optional_bool(path, out.is_active);
        default: return pass.optional_bool(path, out.recipient);
      }
    });
  };
  detail::envelope env;
  if (!detail::walk_envelope(json, limits_.max_depth, failure_, key_scratch_, value_scratch_, env,
                             read_result))
    return failure_.code();
  out.failed = std::move(env.failed);
  out.result_json = env.result_json;
  return {};
}

}  // namespace eventwire::websdk
