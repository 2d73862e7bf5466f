// The chemical-formula parser: one pass, no regex, no recursion, no per-character allocation.
#include "formula_parser.hpp"

#include <magmat/errors.hpp>

#include <fmt/core.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>

namespace magmat::detail {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A character as it should appear in a message: printable ASCII as is, others as \xNN.
std::string describe(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string(1, c);
  return fmt::format("\\x{:02x}", u);
}

[[noreturn]] void fail(std::string_view formula, std::size_t pos, const std::string& what) {
  throw parse_error(fmt::format("{} at position {} in formula {}", what, pos, quote_formula(formula)));
}

// Reads an optional subscript at `i` (advancing it); 1 when there is none. A zero subscript is
// read as 0: the element (or group) is absent, as sweeps write "(Nd0.7Dy0.3Tb0.0)2Fe14B".
double read_subscript(std::string_view f, std::size_t& i) {
  const std::size_t start = i;
  if (i < f.size() && f[i] == '.') {
    fail(f, start, "malformed number: a subscript must start with a digit (write 0.5, not .5)");
  }
  if (i >= f.size() || !is_digit(f[i])) return 1.0;
  while (i < f.size() && is_digit(f[i])) ++i;
  if (i < f.size() && f[i] == '.') {
    ++i;
    if (i >= f.size() || !is_digit(f[i])) {
      fail(f, start, fmt::format("malformed number '{}': digits must follow the decimal point",
                                 f.substr(start, i - start)));
    }
    while (i < f.size() && is_digit(f[i])) ++i;
  }
  const std::string_view token = f.substr(start, i - start);
  if (token.size() > max_number_length) {
    fail(f, start, fmt::format("number longer than {} characters", max_number_length));
  }
  double value = 0.0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec != std::errc() || end != token.data() + token.size()) {
    fail(f, start, fmt::format("malformed number '{}'", token));
  }
  if (value > max_formula_amount) {
    fail(f, start, fmt::format("subscript '{}' exceeds the limit of {:g}", token, max_formula_amount));
  }
  return value;
}

struct open_group {
  std::size_t first_entry;  // index in the output of the group's first element
  std::size_t position;     // of the opening bracket
  char closer;
};

} // namespace

std::string quote_formula(std::string_view formula) {
  constexpr std::size_t shown = 80;
  std::string out = "\"";
  const std::string_view head = formula.substr(0, shown);
  for (const char c : head) out += describe(c);
  if (formula.size() > shown) out += fmt::format("...\" ({} characters)", formula.size());
  else out += '"';
  return out;
}

std::vector<Composition::entry> parse_formula(std::string_view f) {
  if (f.empty()) throw parse_error("empty formula: expected element symbols such as \"Nd2Fe14B\"");
  std::vector<Composition::entry> out;
  out.reserve(8);  // every magnet phase of the brief fits; one allocation per formula
  std::array<open_group, max_formula_depth> groups{};
  std::size_t depth = 0;
  std::size_t i = 0;
  while (i < f.size()) {
    const char c = f[i];
    if (is_upper(c)) {
      const std::size_t start = i++;
      if (i < f.size() && is_lower(f[i])) ++i;
      const std::string_view sym = f.substr(start, i - start);
      Element e{};
      if (!try_element_from_symbol(sym, e)) fail(f, start, fmt::format("unknown element '{}'", sym));
      out.emplace_back(e, read_subscript(f, i));
    } else if (c == '(' || c == '[') {
      if (depth == groups.size()) {
        fail(f, i, fmt::format("groups nested deeper than {} levels", max_formula_depth));
      }
      groups[depth++] = {out.size(), i, c == '(' ? ')' : ']'};
      ++i;
    } else if (c == ')' || c == ']') {
      if (depth == 0) fail(f, i, fmt::format("unmatched '{}'", c));
      const open_group g = groups[--depth];
      if (c != g.closer) {
        fail(f, i, fmt::format("'{}' closes the '{}' opened at position {}", c,
                               g.closer == ')' ? '(' : '[', g.position));
      }
      if (out.size() == g.first_entry) fail(f, g.position, "empty group");
      const std::size_t multiplier_position = ++i;
      const double multiplier = read_subscript(f, i);
      for (std::size_t k = g.first_entry; k < out.size(); ++k) {
        if (out[k].second == 0.0) continue;  // absent already
        out[k].second *= multiplier;
        if (multiplier == 0.0) continue;      // the whole group is absent
        if (out[k].second > max_formula_amount) {
          fail(f, multiplier_position,
               fmt::format("amount of {} exceeds the limit of {:g} after this multiplier",
                           symbol(out[k].first), max_formula_amount));
        }
        // Nested small subscripts can multiply out below the smallest normal double; the
        // amount would turn 0 (the element silently gone, or an empty composition) or lose
        // its precision, so it is refused like an amount above the limit (found by fuzzing).
        if (!std::isnormal(out[k].second)) {
          fail(f, multiplier_position,
               fmt::format("amount of {} underflows to {:g} after this multiplier (the smallest is {:g})",
                           symbol(out[k].first), out[k].second, std::numeric_limits<double>::min()));
        }
      }
    } else if (is_digit(c) || c == '.') {
      fail(f, i, "number that follows no element or group");
    } else if (is_space(c)) {
      fail(f, i, "whitespace (not allowed in a formula)");
    } else if (is_lower(c)) {
      fail(f, i, fmt::format("unexpected '{}' (element symbols start with a capital letter)", c));
    } else {
      fail(f, i, fmt::format("unexpected character '{}'", describe(c)));
    }
  }
  if (depth > 0) {
    const open_group& g = groups[depth - 1];
    fail(f, g.position, fmt::format("unclosed '{}'", g.closer == ')' ? '(' : '['));
  }
  std::erase_if(out, [](const Composition::entry& e) { return e.second == 0.0; });
  if (out.empty()) {
    throw parse_error(fmt::format("every amount in formula {} is zero: no element is present", quote_formula(f)));
  }
  return out;
}

} // namespace magmat::detail
