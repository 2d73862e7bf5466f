// Internal: the chemical-formula parser behind Composition::from_formula.
#pragma once

#include <magmat/composition.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace magmat::detail {

/// Deepest nesting of "(...)" and "[...]" groups accepted.
inline constexpr int max_formula_depth = 16;
/// Largest subscript and largest amount of an element after multiplying out the groups;
/// far above any real formula unit (Sm2Co17 has 19 atoms), and it keeps amounts finite.
inline constexpr double max_formula_amount = 1e6;
/// Longest decimal number accepted (characters).
inline constexpr std::size_t max_number_length = 64;

/// Reads `formula` into (element, amount) pairs in order of appearance, not merged.
/// Throws magmat::parse_error with the 0-based position of the problem.
std::vector<Composition::entry> parse_formula(std::string_view formula);

/// `formula` in double quotes for an error message, shortened when very long.
std::string quote_formula(std::string_view formula);

} // namespace magmat::detail
