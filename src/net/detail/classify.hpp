#pragma once

#include <eventwire/net/error.hpp>

#include <boost/system/error_code.hpp>

#include <system_error>

namespace eventwire::net::detail {

// Turns the errors of Asio and Beast that have a name in net::error into it (a timeout of the
// phase given, size limits, the peer ending the connection); other errors pass unchanged.
std::error_code classify(const boost::system::error_code& ec, error timeout_as);

}  // namespace eventwire::net::detail
