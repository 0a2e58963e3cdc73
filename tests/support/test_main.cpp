#define BOOST_TEST_MODULE eventwire
#include <boost/test/unit_test.hpp>
