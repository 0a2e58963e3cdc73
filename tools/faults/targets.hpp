#pragma once

// The makers of each target and what they share.

#include "target.hpp"

#include <eventwire/net/url.hpp>

#include <string>

namespace eventwire::faults {

std::unique_ptr<target> make_unity_target(boost::asio::any_io_executor ex, const target_options& o);
std::unique_ptr<target> make_websdk_target(boost::asio::any_io_executor ex, const target_options& o);
std::unique_ptr<target> make_portos_target(boost::asio::any_io_executor ex, const target_options& o);
std::unique_ptr<target> make_missioncontrol_target(boost::asio::any_io_executor ex, const target_options& o);
std::unique_ptr<target> make_clay_target(boost::asio::any_io_executor ex, const target_options& o);
std::unique_ptr<target> make_signalr_target(boost::asio::any_io_executor ex, const target_options& o);

// `u` with its port replaced by the proxy's.
std::string proxied_url(net::url u, const fault_proxy& proxy);
std::string proxied_url(std::string_view u, const fault_proxy& proxy);

}  // namespace eventwire::faults
