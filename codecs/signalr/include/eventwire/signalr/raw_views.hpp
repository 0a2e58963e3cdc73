#pragma once

#include <eventwire/json/raw_string.hpp>
#include <eventwire/json/reader.hpp>

#include <cstddef>
#include <iterator>
#include <string_view>

namespace eventwire::signalr {

// Views over JSON containers that a decoder has already validated, walked lazily element by
// element. They view the decoded record and live as long as it; so do the views they hand out.
// An absent container is an empty view.

// A JSON array; iterating yields each element's exact JSON text, ready for a json::reader. The
// decoder hands over the first element's view too, so reaching argument 0 costs no scan at all;
// each later element is scanned once when the walk reaches it.
class raw_array {
 public:
  class iterator {
   public:
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    // Starts at the first element of `text`, or at `first` (already found in `text`) if given.
    iterator(std::string_view text, std::string_view first);
    std::string_view operator*() const noexcept { return element_; }
    iterator& operator++();
    void operator++(int) { ++*this; }
    bool operator==(std::default_sentinel_t) const noexcept { return done_; }

   private:
    // Reads the element at the start of `text` (after whitespace) into element_.
    void read_element(std::string_view text);

    std::string_view rest_;  // the array text after the current element
    std::string_view element_;
    bool done_ = true;
  };

  raw_array() = default;
  // `text` must be a valid JSON array (or empty for an absent one); `first`, if not empty, is the
  // view of its first element inside `text`.
  explicit raw_array(std::string_view text, std::string_view first = {}) noexcept
      : text_(text), first_(first) {}

  // The array's exact JSON text, brackets included; empty when absent.
  std::string_view text() const noexcept { return text_; }
  bool present() const noexcept { return !text_.empty(); }
  iterator begin() const { return iterator(text_, first_); }
  std::default_sentinel_t end() const noexcept { return {}; }
  // Walks the array.
  std::size_t size() const;
  bool empty() const { return begin() == end(); }

 private:
  std::string_view text_;
  std::string_view first_;
};

// A JSON array of strings, such as "streamIds"; iterating yields each string still escaped.
class string_list {
 public:
  class iterator {
   public:
    using value_type = json::raw_string;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    explicit iterator(std::string_view text);
    const json::raw_string& operator*() const noexcept { return element_; }
    iterator& operator++();
    void operator++(int) { ++*this; }
    bool operator==(std::default_sentinel_t) const noexcept { return done_; }

   private:
    json::reader reader_{std::string_view{}};
    json::raw_string element_;
    bool done_ = true;
  };

  string_list() = default;
  // `text` must be a valid JSON array of strings (or empty for an absent one).
  explicit string_list(std::string_view text) noexcept : text_(text) {}

  std::string_view text() const noexcept { return text_; }
  bool present() const noexcept { return !text_.empty(); }
  iterator begin() const { return iterator(text_); }
  std::default_sentinel_t end() const noexcept { return {}; }
  std::size_t size() const;
  bool empty() const { return begin() == end(); }

 private:
  std::string_view text_;
};

// A JSON object whose values are strings, such as "headers"; iterating yields name/value pairs.
class string_map {
 public:
  struct entry {
    json::raw_string name;
    json::raw_string value;
  };

  class iterator {
   public:
    using value_type = entry;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    explicit iterator(std::string_view text);
    const entry& operator*() const noexcept { return entry_; }
    const entry* operator->() const noexcept { return &entry_; }
    iterator& operator++();
    void operator++(int) { ++*this; }
    bool operator==(std::default_sentinel_t) const noexcept { return done_; }

   private:
    json::reader reader_{std::string_view{}};
    entry entry_;
    bool done_ = true;
  };

  string_map() = default;
  // `text` must be a valid JSON object of strings (or empty for an absent one).
  explicit string_map(std::string_view text) noexcept : text_(text) {}

  std::string_view text() const noexcept { return text_; }
  bool present() const noexcept { return !text_.empty(); }
  iterator begin() const { return iterator(text_); }
  std::default_sentinel_t end() const noexcept { return {}; }
  std::size_t size() const;
  bool empty() const { return begin() == end(); }

 private:
  std::string_view text_;
};

}  // namespace eventwire::signalr
