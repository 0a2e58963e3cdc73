#include <eventwire/websdk/percent_encoding.hpp>
#include <eventwire/websdk/request.hpp>

#include <ostream>

namespace eventwire::websdk {
namespace {

template <class AppendSegment, class AppendQuery>
std::string render(const request& r, AppendSegment&& segment, AppendQuery&& query) {
  std::string out;
  for (const std::string& s : r.path) {
    out += '/';
    segment(out, s);
  }
  if (r.path.empty() || r.trailing_slash) out += '/';
  if (!r.query.empty()) {
    out += "?q=";
    query(out, r.query);
  }
  return out;
}

void append_plain(std::string& out, std::string_view text) { out += text; }

}  // namespace

std::string request::target() const {
  return render(*this, append_segment_encoded, append_query_encoded);
}

std::string request::text() const { return render(*this, append_plain, append_plain); }

const char* method_name(http_method m) noexcept { return m == http_method::post ? "POST" : "GET"; }

std::ostream& operator<<(std::ostream& os, http_method m) { return os << method_name(m); }

std::ostream& operator<<(std::ostream& os, const request& r) {
  return os << r.method << ' ' << r.text();
}

}  // namespace eventwire::websdk
