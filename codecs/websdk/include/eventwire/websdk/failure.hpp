#pragma once

// A Web SDK answer whose `Rsp.Status` is not `Ok`. The seed shows only successes; the error text
// is taken where Security Center is believed to put it (inferred, not in the seed): `Result`
// itself when it is a string, else `Result.Message`; `Result.SdkErrorCode` when present. Anything
// else is kept in `result_json` as sent. Strings view the decoded input.

#include <eventwire/json/raw_string.hpp>

#include <iosfwd>
#include <optional>
#include <string_view>

namespace eventwire::websdk {

struct failure {
  json::raw_string status;                  // Rsp.Status as sent, e.g. "Fail"
  std::optional<json::raw_string> message;  // the error text, when one was found
  std::optional<json::raw_string> code;     // Result.SdkErrorCode, when a string
  std::string_view result_json;             // Rsp.Result as sent; empty when absent
};

// Whether `status` (decoded) means success: "Ok", in any case.
bool is_ok_status(std::string_view status) noexcept;

std::ostream& operator<<(std::ostream& os, const failure& f);

}  // namespace eventwire::websdk
