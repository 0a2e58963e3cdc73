#include <eventwire/json/reader.hpp>
#include <eventwire/json/writer.hpp>
#include <eventwire/signalr/error.hpp>
#include <eventwire/signalr/handshake.hpp>

namespace eventwire::signalr {

using codec::feed_result;
using codec::status;

void append_handshake_request(std::string& out, int version) {
  out.append(R"({"protocol":"json","version":)");
  json::append_int(out, version);
  out.push_back('}');
  out.push_back(record_separator);
}

feed_result handshake_decoder::fail(std::error_code ec) {
  error_ = ec;
  return {0, status::error};
}

feed_result handshake_decoder::feed(std::string_view input) {
  if (error_) return {0, status::error};
  if (succeeded_) return {0, status::event};
  framer_.max_record_size = max_response_size;
  const feed_result r = framer_.feed(input);
  switch (r.state) {
    case status::need_more: return r;
    case status::error:
      return fail(framer_.error() == error::record_too_large ? make_error_code(error::handshake_too_large)
                                                             : framer_.error());
    case status::event: break;
  }
  if (const std::error_code ec = interpret(framer_.record())) return fail(ec);
  succeeded_ = true;
  framer_.reset();  // drops the copy of a response that spanned inputs
  return r;
}

// The whole response is read (so invalid JSON is reported as such) before its keys are judged.
std::error_code handshake_decoder::interpret(std::string_view response) {
  json::reader reader(response);
  bool has_type = false;
  bool has_error = false;
  bool error_not_string = false;
  json::raw_string error_text;
  if (reader.begin_object()) {
    for (json::raw_string key; reader.next_member(key);) {
      if (key.equals("error")) {
        const json::value_kind kind = reader.peek();
        has_error = kind == json::value_kind::string && reader.read_string(error_text);
        error_not_string = kind != json::value_kind::string && kind != json::value_kind::null;
        if (!has_error) reader.skip();
      } else {
        has_type = has_type || key.equals("type");
        reader.skip();
      }
    }
  }
  if (!reader.finish()) return reader.error_code();
  if (has_type) return error::handshake_not_a_response;
  if (error_not_string) return error::handshake_error_not_string;
  if (has_error) {
    server_error_.clear();
    error_text.append_to(server_error_);
    return error::handshake_rejected;
  }
  return {};
}

std::error_code handshake_decoder::finish() {
  if (error_ || succeeded_) return error_;
  error_ = error::handshake_incomplete;
  return error_;
}

void handshake_decoder::reset() noexcept {
  framer_.reset();
  server_error_.clear();
  succeeded_ = false;
  error_ = {};
}

}  // namespace eventwire::signalr
