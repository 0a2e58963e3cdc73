#include <eventwire/websdk/detail/envelope.hpp>
#include <eventwire/websdk/subscriptions_decoder.hpp>

#include <array>

namespace eventwire::websdk {

std::error_code subscriptions_decoder::decode(std::string_view json, subscriptions_answer& out) {
  failure_.clear();
  out = subscriptions_answer{};
  items_.clear();
  entities_.clear();
  ranges_.clear();
  auto read_item = [&](detail::decode_pass& pass, const detail::key_path& at) {
    static constexpr std::array<detail::key_spec, 2> names{{{"EventType", 0}, {"Entities", 1}}};
    event_subscription& item = items_.emplace_back();
    auto& range = ranges_.emplace_back(entities_.size(), 0);
    return pass.object(at, names, 0b11u, [&](unsigned id, const detail::key_path& path) {
      if (id == 0) return pass.string(path, item.event_type);
      if (pass.reader().try_null()) return true;
      return pass.array(path, limits_.max_elements, [&](std::size_t, const detail::key_path& e) {
        ++range.second;
        return pass.string(e, entities_.emplace_back());
      });
    });
  };
  auto read_result = [&](detail::decode_pass& pass, const detail::key_path& at) {
    if (pass.reader().try_null()) return true;
    return pass.array(at, limits_.max_elements,
                      [&](std::size_t, const detail::key_path& path) { return read_item(pass, path); });
  };
  detail::envelope env;
  if (!detail::walk_envelope(json, limits_.max_depth, failure_, key_scratch_, value_scratch_, env,
                             read_result))
    return failure_.code();
  out.failed = std::move(env.failed);
  if (out.failed) return {};
  const std::span<const json::raw_string> all(entities_);
  for (std::size_t i = 0; i < items_.size(); ++i)
    items_[i].entities = all.subspan(ranges_[i].first, ranges_[i].second);
  out.subscriptions = items_;
  return {};
}

}  // namespace eventwire::websdk
