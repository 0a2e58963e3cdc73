#include <eventwire/auth/error.hpp>
#include <eventwire/codec/condition.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>

namespace auth = eventwire::auth;
namespace codec = eventwire::codec;
using auth::error;

BOOST_AUTO_TEST_SUITE(auth_error)

BOOST_AUTO_TEST_CASE(every_code_has_its_message) {
  const std::pair<error, const char*> expected[] = {
      {error::environment_variable_not_set, "environment variable is not set"},
      {error::secret_empty, "secret is empty"},
      {error::secret_file_unreadable, "secret file cannot be read"},
      {error::secret_too_large, "secret is larger than its size limit"},
      {error::secret_command_not_started, "secret command could not be started"},
      {error::secret_command_failed, "secret command exited with a failure status"},
      {error::secret_command_killed, "secret command was ended by a signal"},
      {error::secret_command_timeout, "secret command did not finish within its timeout"},
      {error::invalid_oauth2_settings, "OAuth2 settings are incomplete"},
      {error::token_endpoint_status, "the token endpoint answered with an unexpected HTTP status"},
      {error::invalid_token_response, "the token endpoint's answer is not a valid token response"},
      {error::unsupported_token_type, "the token endpoint issued a token type other than Bearer"},
      {error::invalid_request,
       "the token endpoint rejected the request as malformed (invalid_request)"},
      {error::invalid_client,
       "the token endpoint rejected the client credentials (invalid_client)"},
      {error::invalid_grant,
       "the token endpoint rejected the grant: credentials or refresh token invalid or expired "
       "(invalid_grant)"},
      {error::unauthorized_client,
       "the client is not allowed to use this grant type (unauthorized_client)"},
      {error::unsupported_grant_type,
       "the token endpoint does not support this grant type (unsupported_grant_type)"},
      {error::invalid_scope, "the requested scope is invalid or not allowed (invalid_scope)"},
      {error::oauth2_error, "the token endpoint answered with an OAuth2 error"},
  };
  BOOST_TEST(std::size(expected) == static_cast<std::size_t>(error::oauth2_error));
  for (auto [e, message] : expected) {
    BOOST_TEST(std::error_code(e).message() == message);
    std::ostringstream printed;
    printed << e;
    BOOST_TEST(printed.str() == message);
  }
  BOOST_TEST(std::string(auth::error_category().name()) == "eventwire.auth");
  BOOST_TEST(auth::error_category().message(99) == "eventwire.auth error 99");
}

BOOST_AUTO_TEST_CASE(codes_compare_equal_to_their_kind) {
  BOOST_TEST((std::error_code(error::secret_command_timeout) == std::errc::timed_out));
  BOOST_TEST(std::error_code(error::secret_too_large) == codec::condition::limit_exceeded);
  BOOST_TEST(std::error_code(error::invalid_token_response) ==
             codec::condition::protocol_violation);
  BOOST_TEST(std::error_code(error::unsupported_token_type) ==
             codec::condition::protocol_violation);
  BOOST_TEST((std::error_code(error::invalid_oauth2_settings) == std::errc::invalid_argument));
  for (auto refused : {error::invalid_client, error::invalid_grant, error::unauthorized_client})
    BOOST_TEST((std::error_code(refused) == std::errc::permission_denied));
  BOOST_TEST((std::error_code(error::token_endpoint_status) != std::errc::permission_denied));
  BOOST_TEST((std::error_code(error::environment_variable_not_set) != std::errc::invalid_argument));
}

BOOST_AUTO_TEST_SUITE_END()
