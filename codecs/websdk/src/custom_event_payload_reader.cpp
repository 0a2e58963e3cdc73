#include <eventwire/multipart/boundary.hpp>
#include <eventwire/multipart/detail/ascii.hpp>
#include <eventwire/multipart/error.hpp>
#include <eventwire/multipart/header_field.hpp>
#include <eventwire/multipart/header_parameters.hpp>
#include <eventwire/websdk/custom_event_payload_reader.hpp>
#include <eventwire/websdk/error.hpp>

namespace eventwire::websdk {
namespace {

using multipart::detail::iequals;

// Content-Disposition: form-data; name="payload"
bool is_payload_part(std::span<const multipart::header_field> headers) noexcept {
  const auto disposition = multipart::find_header(headers, "Content-Disposition");
  if (!disposition || !iequals(multipart::header_main_value(*disposition), "form-data"))
    return false;
  const auto name = multipart::find_parameter(*disposition, "name");
  return name && !name->escaped && name->value == "payload";
}

}  // namespace

std::error_code custom_event_payload_reader::start(std::string_view content_type) {
  splitter_.reset();
  error_.clear();
  in_payload_ = closed_ = false;
  body_.clear();
  payload_.reset();
  if (!iequals(multipart::header_main_value(content_type), "multipart/form-data"))
    return fail(error::not_form_data);
  std::error_code ec;
  const std::string_view boundary = multipart::parse_boundary(content_type, ec);
  if (ec) return fail(ec);
  splitter_.emplace(boundary, limits_);
  return {};
}

std::error_code custom_event_payload_reader::fail(std::error_code ec) {
  error_ = ec;
  return ec;
}

void custom_event_payload_reader::handle_event() {
  const multipart::event& e = splitter_->current();
  switch (e.kind) {
    case multipart::event_kind::part_begin:
      in_payload_ = !payload_ && is_payload_part(e.headers);
      body_.clear();
      break;
    case multipart::event_kind::body:
      if (in_payload_) body_.append(e.bytes);
      break;
    case multipart::event_kind::part_end:
      if (in_payload_) payload_.emplace(std::move(body_));
      in_payload_ = false;
      body_.clear();
      break;
    case multipart::event_kind::heartbeat: break;
    case multipart::event_kind::close: closed_ = true; break;
  }
}

std::error_code custom_event_payload_reader::feed(std::string_view bytes) {
  if (error_ || !splitter_) return error_ ? error_ : fail(error::not_form_data);
  for (;;) {
    const codec::feed_result r = splitter_->feed(bytes);
    bytes.remove_prefix(r.consumed);
    if (r.state == codec::status::need_more) return {};
    if (r.state == codec::status::error) return fail(splitter_->error());
    handle_event();
  }
}

std::error_code custom_event_payload_reader::finish() {
  if (error_ || !splitter_) return error_ ? error_ : fail(error::not_form_data);
  for (;;) {
    const codec::feed_result r = splitter_->finish();
    if (r.state == codec::status::error) return fail(splitter_->error());
    if (r.state == codec::status::need_more) break;
    handle_event();
  }
  if (!closed_) return fail(multipart::error::truncated_part);
  if (!payload_) return fail(error::missing_payload);
  return {};
}

}  // namespace eventwire::websdk
