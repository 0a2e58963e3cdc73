#pragma once

#include <eventwire/net/connect.hpp>
#include <eventwire/net/http_options.hpp>
#include <eventwire/net/http_request.hpp>

#include <boost/beast/core/tcp_stream.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <system_error>

// The parts of an HTTP exchange that http_client and http_response_stream share.
namespace eventwire::net::detail {

// Sets the deadline of the next operations on `tcp`; zero means none.
void arm(boost::beast::tcp_stream& tcp, std::chrono::steady_clock::duration timeout);

connect_options connect_options_of(const http_options& options);

boost::beast::http::request<boost::beast::http::string_body> make_message(
    const http_request& request, const http_options& options);

bool is_redirect(unsigned status) noexcept;

bool same_origin(const url& a, const url& b) noexcept;

// Turns `request` into the one a redirect asks for. Errors: net::error::
// redirect_without_location, insecure_redirect (https -> http).
std::error_code follow_redirect(http_request& request, unsigned status, std::string_view location,
                                std::string& detail);

}  // namespace eventwire::net::detail
