#pragma once

// The `{"Rsp":{"Status":...,"Result":...}}` envelope every Web SDK JSON answer and stream part
// comes in. Internal to the codec.

#include <eventwire/websdk/detail/decode_pass.hpp>
#include <eventwire/websdk/failure.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace eventwire::websdk::detail {

// What the envelope walk found besides the Result it handed to the caller's reader.
struct envelope {
  std::optional<failure> failed;  // set when Status is not Ok
  std::string_view result_json;   // Rsp.Result as sent; empty when absent
  bool result_present = false;
};

// Reads a failure's Result leniently: only JSON validity is checked.
bool read_failure_result(decode_pass& pass, const key_path& at, failure& out);

// Walks the document. For a success, calls read_result(pass, path) positioned at Result's value
// (in a second pass over Result's text when Result came before Status); the reader must consume
// exactly that value. Unknown keys are skipped at both levels; `Rsp` and `Status` are required.
template <class ReadResult>
bool walk_envelope(std::string_view input, std::size_t max_depth, decode_failure& failure_out,
                   std::string& key_scratch, std::string& value_scratch, envelope& out,
                   ReadResult&& read_result) {
  static constexpr std::array<key_spec, 1> top{{{"Rsp", 0}}};
  static constexpr std::array<key_spec, 2> rsp{{{"Status", 0}, {"Result", 1}}};
  out = envelope{};
  decode_pass pass(input, 0, max_depth, failure_out, key_scratch, value_scratch);
  json::raw_string status;
  bool status_seen = false;
  bool ok = false;
  bool result_pending = false;  // Result came first and is kept as text
  const key_path document;
  const key_path rsp_path = document.member("Rsp");
  const key_path result_path = rsp_path.member("Result");
  auto read_rsp_member = [&](unsigned id, const key_path& path) {
    if (id == 0) {
      if (!pass.string(path, status)) return false;
      status_seen = true;
      ok = is_ok_status(status.has_escapes ? status.decode(value_scratch) : status.escaped);
      return true;
    }
    out.result_present = true;
    if (!status_seen) {
      result_pending = true;
      return pass.raw(path, out.result_json);
    }
    if (pass.reader().peek() == json::value_kind::none) return pass.fail_json(path);
    const std::size_t start = pass.reader().offset();
    if (ok) {
      if (!read_result(pass, path)) return false;
    } else if (!read_failure_result(pass, path, out.failed.emplace())) {
      return false;
    }
    out.result_json = input.substr(start, pass.reader().offset() - start);
    return true;
  };
  auto read_top = [&](unsigned, const key_path& path) {
    return pass.object(path, rsp, 0b01u, read_rsp_member);
  };
  if (!pass.object(document, top, 0b1u, read_top) || !pass.finish(document)) return false;
  if (!ok && !out.failed) out.failed.emplace();
  if (out.failed) {
    out.failed->status = status;
    out.failed->result_json = out.result_json;
  }
  if (!result_pending) return true;
  // Result came before Status: the first pass validated its text; this one reads it.
  const auto base = static_cast<std::size_t>(out.result_json.data() - input.data());
  decode_pass second(out.result_json, base, max_depth, failure_out, key_scratch, value_scratch);
  if (ok) return read_result(second, result_path);
  return read_failure_result(second, result_path, *out.failed);
}

}  // namespace eventwire::websdk::detail
