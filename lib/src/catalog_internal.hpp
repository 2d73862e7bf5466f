// Pieces of the catalog shared by its translation units (private to the compiled library).
#pragma once

#include <magmat/catalog.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace magmat::detail {

/// Parses one grade file; throws data_error listing every problem (file, pointer, reason).
std::vector<grade_record> parse_grade_file(std::string_view text, const std::string& file);

/// The coercivity letter of a sintered NdFeB grade name: "N42SH" -> "SH", "N52" -> "",
/// "N48H-GBD" -> "H"; what follows the letters after a '-' or a space is ignored.
std::string coercivity_letter(std::string_view name);

} // namespace magmat::detail
