#include <eventwire/websdk/custom_events_decoder.hpp>
#include <eventwire/websdk/detail/envelope.hpp>
#include <eventwire/websdk/detail/lists.hpp>

#include <array>

namespace eventwire::websdk {

std::error_code custom_events_decoder::decode(std::string_view json, custom_events_answer& out) {
  failure_.clear();
  out = custom_events_answer{};
  events_.clear();
  supported_.clear();
  std::span<const json::raw_string> supported;
  auto read_event = [&](detail::decode_pass& pass, const detail::key_path& at) {
    static constexpr std::array<detail::key_spec, 5> names{{{"Id", 0},
                                                            {"Name", 1},
                                                            {"LocalCustomEvent", 2},
                                                            {"SourceEntityType", 3},
                                                            {"Owner", 4}}};
    custom_event& e = events_.emplace_back();
    return pass.object(at, names, 0b11u, [&](unsigned id, const detail::key_path& path) {
      switch (id) {
        case 0: return pass.int64(path, e.id);
        case 1: return pass.string(path, e.name);
        case 2: return pass.optional_bool(path, e.local);
        case 3: return pass.optional_string(path, e.source_entity_type);
        default: return pass.optional_string(path, e.owner);
      }
    });
  };
  auto read_result = [&](detail::decode_pass& pass, const detail::key_path& at) {
    if (pass.reader().try_null()) return true;
    static constexpr std::array<detail::key_spec, 3> names{
        {{"CustomEvents", 0}, {"SupportedCustomEvents", 0}, {"SupportedEvents", 1}}};
    return pass.object(at, names, 0, [&](unsigned id, const detail::key_path& path) {
      if (id == 1)
        return detail::string_list(pass, path, limits_.max_elements, supported_, supported);
      if (pass.reader().try_null()) return true;
      return pass.array(path, limits_.max_elements,
                        [&](std::size_t, const detail::key_path& e) { return read_event(pass, e); });
    });
  };
  detail::envelope env;
  if (!detail::walk_envelope(json, limits_.max_depth, failure_, key_scratch_, value_scratch_, env,
                             read_result))
    return failure_.code();
  out.failed = std::move(env.failed);
  if (out.failed) return {};
  out.custom_events = events_;
  out.supported_events = supported;
  return {};
}

}  // namespace eventwire::websdk
