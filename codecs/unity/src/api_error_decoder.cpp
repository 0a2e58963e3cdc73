#include <eventwire/unity/api_error_decoder.hpp>
#include <eventwire/unity/detail/decode_pass.hpp>

#include <array>

namespace eventwire::unity {

std::error_code api_error_decoder::decode(std::string_view body, api_error& out) {
  static constexpr std::array<std::string_view, 5> names{"error", "error_description", "Message",
                                                         "statusCode", "requestId"};
  out = api_error{};
  failure_.clear();
  const detail::key_path document;
  detail::decode_pass pass(body, 0, limits_.max_depth, failure_, key_scratch_);
  json::reader& r = pass.reader();
  const bool ok = pass.object(document, names, 0u, [&](std::size_t key, const detail::key_path& at) {
    switch (key) {
      case 0: return pass.optional_string(at, out.error);
      case 1: return pass.optional_string(at, out.description);
      case 2: return pass.optional_string(at, out.message);
      case 3: {
        if (r.try_null()) return true;
        const std::size_t start = pass.offset();
        return r.read_int64(out.status_code.emplace()) || pass.fail_json(at, start);
      }
      default: return pass.optional_string(at, out.request_id);
    }
  });
  if (!ok || !pass.finish(document)) return failure_.code();
  if (!out.error && !out.message) {
    pass.fail(error::missing_error_text, document.member(names[0]), 0);
    return failure_.code();
  }
  return {};
}

}  // namespace eventwire::unity
