#include <eventwire/signalr/raw_views.hpp>

namespace eventwire::signalr {
namespace {

template <class View>
std::size_t count(const View& view) {
  std::size_t n = 0;
  for (auto it = view.begin(); it != view.end(); ++it) ++n;
  return n;
}

constexpr std::string_view whitespace = " \t\n\r";

}  // namespace

// The texts were validated by the decoder, so a reader error cannot happen; if one did, the walk
// would simply end.

raw_array::iterator::iterator(std::string_view text, std::string_view first) {
  if (!first.empty()) {
    element_ = first;
    rest_ = text.substr(static_cast<std::size_t>(first.data() + first.size() - text.data()));
    done_ = false;
    return;
  }
  const std::size_t open = text.find('[');
  if (open == std::string_view::npos) return;
  rest_ = text.substr(open + 1);
  const std::size_t next = rest_.find_first_not_of(whitespace);
  if (next == std::string_view::npos || rest_[next] == ']') return;
  read_element(rest_);
}

raw_array::iterator& raw_array::iterator::operator++() {
  const std::size_t next = rest_.find_first_not_of(whitespace);
  if (next == std::string_view::npos || rest_[next] != ',') {
    done_ = true;  // ']'
    return *this;
  }
  read_element(rest_.substr(next + 1));
  return *this;
}

void raw_array::iterator::read_element(std::string_view text) {
  json::reader reader(text);
  done_ = !reader.skip(&element_);
  rest_ = text.substr(reader.offset());
}

std::size_t raw_array::size() const { return count(*this); }

string_list::iterator::iterator(std::string_view text) : reader_(text) {
  done_ = text.empty() || !reader_.begin_array();
  if (!done_) ++*this;
}

string_list::iterator& string_list::iterator::operator++() {
  done_ = !reader_.next_element() || !reader_.read_string(element_);
  return *this;
}

std::size_t string_list::size() const { return count(*this); }

string_map::iterator::iterator(std::string_view text) : reader_(text) {
  done_ = text.empty() || !reader_.begin_object();
  if (!done_) ++*this;
}

string_map::iterator& string_map::iterator::operator++() {
  done_ = !reader_.next_member(entry_.name) || !reader_.read_string(entry_.value);
  return *this;
}

std::size_t string_map::size() const { return count(*this); }

}  // namespace eventwire::signalr
