#include <eventwire/auth/static_token_provider.hpp>

namespace eventwire::auth {

static_token_provider::static_token_provider(boost::asio::any_io_executor ex, secret token)
    : executor_(std::move(ex)), token_(std::move(token)) {}

boost::asio::awaitable<std::tuple<std::error_code, access_token>> static_token_provider::do_get(
    bool /*force_refresh: every get reads the source anew*/) {
  auto [ec, value] = co_await token_.resolve(executor_);
  if (ec) {
    set_error_detail(std::move(value));
    co_return std::tuple{ec, access_token{}};
  }
  set_error_detail({});
  co_return std::tuple{std::error_code{}, access_token{std::move(value), std::nullopt}};
}

}  // namespace eventwire::auth
