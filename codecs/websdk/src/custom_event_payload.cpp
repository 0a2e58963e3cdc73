#include <eventwire/websdk/custom_event_payload.hpp>
#include <eventwire/websdk/error.hpp>

namespace eventwire::websdk {
namespace {

bool is_boundary(std::string_view b) noexcept {
  if (b.empty() || b.size() > 70) return false;
  for (const char c : b) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("'()+_,-./:=?").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::error_code custom_event_payload_form(std::string_view payload, form_body& out,
                                          std::string_view boundary) {
  if (!is_boundary(boundary)) return error::invalid_text;
  std::string delimiter = "--";
  delimiter += boundary;
  if (payload.find(delimiter) != std::string_view::npos) return error::invalid_text;
  form_body f;
  f.content_type = "multipart/form-data; boundary=";
  f.content_type += boundary;
  f.body = delimiter;
  f.body += "\r\nContent-Disposition: form-data; name=\"payload\"; filename=\"payload\"\r\n\r\n";
  f.body += payload;
  f.body += "\r\n";
  f.body += delimiter;
  f.body += "--\r\n";
  out = std::move(f);
  return {};
}

}  // namespace eventwire::websdk
