#include <eventwire/unity/detail/decode_pass.hpp>
#include <eventwire/unity/position_decoder.hpp>

#include <array>

namespace eventwire::unity {

std::error_code position_decoder::decode(std::string_view body, json::raw_string& position) {
  static constexpr std::array<std::string_view, 1> names{"Position"};
  position = {};
  failure_.clear();
  const detail::key_path document;
  detail::decode_pass pass(body, 0, limits_.max_depth, failure_, key_scratch_);
  const bool ok = pass.object(document, names, 1u, [&](std::size_t, const detail::key_path& at) {
    if (!pass.string(at, position)) return false;
    return !position.escaped.empty() || pass.fail(error::empty_position, at, pass.offset() - 2);
  });
  if (!ok || !pass.finish(document)) return failure_.code();
  return {};
}

}  // namespace eventwire::unity
