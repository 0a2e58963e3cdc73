#include <eventwire/time/timestamp.hpp>

#include <cstdint>

namespace eventwire::time {
namespace {

using namespace std::chrono;

class cursor {
 public:
  explicit cursor(std::string_view s) noexcept : s_(s) {}

  bool digits(std::size_t n, int& out) noexcept {
    if (s_.size() - i_ < n) return false;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const char c = s_[i_ + k];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    i_ += n;
    out = v;
    return true;
  }
  bool take(char c) noexcept {
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }
  bool take_any(std::string_view set, char& c) noexcept {
    if (i_ < s_.size() && set.find(s_[i_]) != std::string_view::npos) return c = s_[i_++], true;
    return false;
  }
  bool at_end() const noexcept { return i_ == s_.size(); }
  bool at_digit() const noexcept { return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; }
  char next() noexcept { return s_[i_++]; }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

bool parse_iso8601(std::string_view text, timestamp& out) noexcept {
  cursor c(text);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char sep = 0;
  if (!c.digits(4, y) || !c.take('-') || !c.digits(2, mo) || !c.take('-') || !c.digits(2, d) ||
      !c.take_any("Tt ", sep) || !c.digits(2, h) || !c.take(':') || !c.digits(2, mi))
    return false;
  std::int64_t fraction = 0;  // in ticks
  if (c.take(':')) {
    if (!c.digits(2, s)) return false;
    if (c.take('.') || c.take(',')) {
      if (!c.at_digit()) return false;
      std::int64_t scale = 1'000'000;
      while (c.at_digit()) {
        fraction += (c.next() - '0') * scale;
        scale /= 10;
      }
    }
  }
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 60) return false;
  if (s == 60) s = 59, fraction = 9'999'999;

  int offset = 0;
  bool has_offset = false;
  char sign = 0;
  if (c.take('Z') || c.take('z')) {
    has_offset = true;
  } else if (c.take_any("+-", sign)) {
    int oh = 0, om = 0;
    if (!c.digits(2, oh)) return false;
    if (c.take(':')) {
      if (!c.digits(2, om)) return false;
    } else if (!c.at_end() && !c.digits(2, om)) {
      return false;
    }
    if (oh > 23 || om > 59) return false;
    offset = (oh * 60 + om) * (sign == '-' ? -1 : 1);
    has_offset = true;
  }
  if (!c.at_end()) return false;

  const utc_time local = sys_days(date) + hours(h) + minutes(mi) + seconds(s) + ticks(fraction);
  const utc_time utc = local - minutes(offset);
  // Every instant must print back as a four-digit year, as RFC 3339 requires.
  static constexpr utc_time first = sys_days(year{1} / January / 1);
  static constexpr utc_time last = sys_days(year{10000} / January / 1);
  if (utc < first || utc >= last) return false;
  out.utc = utc;
  out.offset_minutes = offset;
  out.has_offset = has_offset;
  return true;
}

void append_rfc3339(std::string& out, utc_time t) {
  const auto day_point = floor<days>(t);
  const year_month_day date(day_point);
  const hh_mm_ss<ticks> clock(t - day_point);
  auto put = [&out](std::int64_t v, int width) {
    char buf[12];
    for (int i = width - 1; i >= 0; --i, v /= 10) buf[i] = static_cast<char>('0' + v % 10);
    out.append(buf, static_cast<std::size_t>(width));
  };
  put(static_cast<int>(date.year()), 4);
  out.push_back('-');
  put(static_cast<unsigned>(date.month()), 2);
  out.push_back('-');
  put(static_cast<unsigned>(date.day()), 2);
  out.push_back('T');
  put(clock.hours().count(), 2);
  out.push_back(':');
  put(clock.minutes().count(), 2);
  out.push_back(':');
  put(clock.seconds().count(), 2);
  const std::int64_t fraction = clock.subseconds().count();
  if (fraction != 0) {
    out.push_back('.');
    if (fraction % 10'000 == 0) put(fraction / 10'000, 3);
    else if (fraction % 10 == 0) put(fraction / 10, 6);
    else put(fraction, 7);
  }
  out.push_back('Z');
}

}  // namespace eventwire::time
