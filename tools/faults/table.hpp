#pragma once

// The suite's results as a markdown table.

#include "scenario.hpp"

#include <string>

namespace eventwire::faults {

std::string table_header();
std::string table_row(const row& r);

}  // namespace eventwire::faults
