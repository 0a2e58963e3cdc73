#pragma once

// The body of `POST .../api/notifications/subscriptions/{id}/position`, which creates the first
// position of a subscription (Unity's GeneratePositionRequestModel), and its encoder:
//   {"PositionType":"date","StartDate":"2024-04-24T03:00:00"}

#include <eventwire/time/timestamp.hpp>

#include <iosfwd>
#include <string>
#include <string_view>

namespace eventwire::unity {

// Where the new position points in the subscription's mailbox.
enum class position_type : unsigned char {
  after_newest,  // "new": after the most recent notification (only what arrives from now on)
  newest,        // "latest": at the most recent notification (it included)
  date,          // "date": at the first notification made available at or after start_date
  oldest,        // "horizon": at the oldest notification Unity still keeps
};

// The PositionType text: "new", "latest", "date" or "horizon".
std::string_view wire_name(position_type t) noexcept;

struct position_request {
  position_type type = position_type::after_newest;
  time::utc_time start_date{};  // StartDate, sent only with position_type::date

  friend bool operator==(const position_request&, const position_request&) = default;
};

// Appends the JSON body of `r` to `out`. StartDate is written in UTC without a zone designator,
// `YYYY-MM-DDThh:mm:ss[.fraction]`, as the vendor's sample request shows it.
void append_position_request(std::string& out, const position_request& r);
std::string encode_position_request(const position_request& r);

std::ostream& operator<<(std::ostream& os, position_type t);
std::ostream& operator<<(std::ostream& os, const position_request& r);

}  // namespace eventwire::unity
