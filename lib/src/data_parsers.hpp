// The parsers of the shipped data files, one per kind, for the fuzz targets (tests/fuzz/):
// each reads one file's text and throws data_error naming the file, JSON pointer and reason.
// Private to the compiled library; the loaders use them on the embedded files.
#pragma once

#include <magmat/heavy_rare_earth.hpp>
#include <magmat/magnet.hpp>
#include <magmat/phases.hpp>
#include <magmat/scenarios.hpp>

#include <string>
#include <string_view>

namespace magmat::detail {

phase_record parse_phase_file(std::string_view text, const std::string& file);
process_parameters parse_process_file(std::string_view text, const std::string& file);
supply_series parse_scenario_file(std::string_view text, const std::string& file);
strategy parse_strategy_file(std::string_view text, const std::string& file);

} // namespace magmat::detail
