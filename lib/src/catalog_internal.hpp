// Pieces of the catalog shared by its translation units (private to the compiled library).
#pragma once

#include <magmat/catalog.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace magmat::detail {

/// The grade families a file or a filter may name, in the order error messages list them.
inline constexpr const char* grade_families[] = {"ndfeb_sintered", "ndfeb_bonded", "ndfeb_hot_deformed",
                                                 "smco5",          "sm2co17",      "ferrite"};

/// Parses one grade file; throws data_error listing every problem (file, pointer, reason).
std::vector<grade_record> parse_grade_file(std::string_view text, const std::string& file);

} // namespace magmat::detail
