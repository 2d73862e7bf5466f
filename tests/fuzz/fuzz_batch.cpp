// Fuzzes the batch API's C++ side as the Python bindings drive it: evaluate() with shapes,
// elements, values, temperatures, process names and thread counts decoded from the bytes
// (inconsistent shapes included), mass_fractions() with arbitrary formula strings, and
// pareto_front() with arbitrary objectives. Each either answers with one result per row or
// raises a magmat::error.
#include <magmat/batch.hpp>
#include <magmat/errors.hpp>
#include <magmat/units.hpp>

#include "fuzz_input.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using magmat_fuzz::property_violated;

namespace {

// Elements an NdFeB candidate is made of first, so the decoded rows often reach the physics.
const magmat::Element common[] = {magmat::Element::Nd, magmat::Element::Fe, magmat::Element::B, magmat::Element::Dy,
                                  magmat::Element::Tb, magmat::Element::Pr, magmat::Element::Co, magmat::Element::Ce};

magmat::Element element_of(std::uint8_t code) {
  if (code < 128) return common[code % std::size(common)];
  const auto all = magmat::all_elements();
  return all[code % all.size()].element;
}

void fuzz_evaluate(magmat_fuzz::byte_reader& in) {
  magmat::batch_input input;
  const int columns = in.byte() % 6;
  const int rows = in.byte() % 9;
  for (int j = 0; j < columns; ++j) input.elements.push_back(element_of(in.byte()));
  // Mostly consistent shapes; sometimes one column more or fewer than elements.
  const std::uint8_t shape = in.byte();
  const int matrix_columns = shape < 16 ? columns + 1 : (shape < 32 && columns > 0 ? columns - 1 : columns);
  input.mass_percent.resize(rows, matrix_columns);
  for (int i = 0; i < rows; ++i) {
    double left = 100.0;
    for (int j = 0; j < matrix_columns; ++j) {
      // The last column takes the balance unless the byte asks for a free value.
      const bool balance = j + 1 == matrix_columns && in.byte() >= 64;
      const double value = balance ? left : in.number(60.0);
      input.mass_percent(i, j) = value;
      left -= value;
    }
  }
  const std::uint8_t temperatures = in.byte() % 4;
  const Eigen::Index count = temperatures == 0 ? 1 : (temperatures == 1 ? rows : (temperatures == 2 ? 0 : rows + 1));
  input.temperature_kelvin.resize(count);
  for (Eigen::Index i = 0; i < count; ++i) input.temperature_kelvin(i) = in.number(800.0);
  const std::uint8_t process = in.byte() % 4;
  input.process = process == 0 ? "sintered" : process == 1 ? "grain_boundary_diffused" : process == 2 ? "hot_deformed"
                                                                                                       : std::string(in.line());
  const int threads = static_cast<int>(in.byte() % 4) - 1;  // -1 (an error), 0 (all cores), 1, 2
  const bool mask = in.byte() & 1;

  magmat::batch_result result;
  try {
    result = magmat::evaluate(input, threads, mask);
  } catch (const magmat::error&) {
    return;
  }
  const auto n = static_cast<Eigen::Index>(rows);
  if (result.remanence.size() != n || result.intrinsic_coercivity.size() != n || result.valid.size() != n ||
      result.policy_pass.size() != n)
    property_violated("evaluate returned a result of the wrong length");
  // errors: one entry per invalid row, in row order, each with a message.
  std::size_t next_error = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const bool listed = next_error < result.errors.size() && result.errors[next_error].row == i;
    if (listed && result.errors[next_error++].message.empty()) property_violated("an invalid row has no message");
    if (result.valid(i)) {
      if (listed) property_violated("a valid row has an error entry");
      if (!(std::isfinite(result.remanence(i)) && result.remanence(i) >= 0.0)) property_violated("valid row, bad Br");
      if (!(result.intrinsic_coercivity(i) >= 0.0)) property_violated("valid row, negative or NaN HcJ");
      const double re = result.rare_earth_mass_fraction(i);
      if (!(re >= 0.0 && re <= 1.0 + 1e-12)) property_violated("valid row, rare-earth fraction outside [0, 1]");
    } else {
      if (!mask) property_violated("an invalid row without mask mode did not throw");
      if (!listed) property_violated("an invalid row has no error entry");
      if (!std::isnan(result.remanence(i))) property_violated("an invalid row is not NaN");
    }
  }
  if (next_error != result.errors.size()) property_violated("errors lists rows out of order or out of range");
}

void fuzz_mass_fractions(magmat_fuzz::byte_reader& in) {
  std::vector<magmat::Element> elements;
  const int columns = in.byte() % 5;
  for (int j = 0; j < columns; ++j) elements.push_back(element_of(in.byte()));
  std::vector<std::string> formulas;
  while (!in.empty() && formulas.size() < 16) formulas.emplace_back(in.line());
  Eigen::ArrayXXd fractions;
  try {
    fractions = magmat::mass_fractions(formulas, elements);
  } catch (const magmat::error&) {
    return;
  }
  if (fractions.rows() != static_cast<Eigen::Index>(formulas.size()) || fractions.cols() != columns)
    property_violated("mass_fractions returned the wrong shape");
  if (!((fractions >= 0.0) && (fractions <= 1.0)).all()) property_violated("a mass fraction outside [0, 1]");
}

void fuzz_pareto(magmat_fuzz::byte_reader& in) {
  const int columns = in.byte() % 4;
  const int rows = in.byte() % 17;
  std::vector<magmat::objective_sense> senses;
  const int sense_count = in.byte() < 32 ? columns + 1 : columns;
  for (int j = 0; j < sense_count; ++j)
    senses.push_back(in.byte() & 1 ? magmat::objective_sense::maximize : magmat::objective_sense::minimize);
  Eigen::ArrayXXd objectives(rows, columns);
  // Few distinct values make ties and duplicates, the hard cases of a front.
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < columns; ++j) objectives(i, j) = in.byte() < 16 ? in.raw_double() : in.byte() % 4;
  std::vector<Eigen::Index> front;
  try {
    front = magmat::pareto_front(objectives, senses);
  } catch (const magmat::error&) {
    return;
  }
  for (std::size_t k = 0; k < front.size(); ++k) {
    if (front[k] < 0 || front[k] >= rows) property_violated("pareto_front index out of range");
    if (k > 0 && !(front[k] > front[k - 1])) property_violated("pareto_front indices not ascending");
    if (objectives.row(front[k]).isNaN().any()) property_violated("pareto_front kept a row with NaN");
  }
  // No kept row is dominated by any other NaN-free row.
  for (const auto kept : front) {
    for (Eigen::Index other = 0; other < rows; ++other) {
      if (objectives.row(other).isNaN().any()) continue;
      bool all_at_least = true, one_better = false;
      for (int j = 0; j < columns; ++j) {
        const double sign = senses[static_cast<std::size_t>(j)] == magmat::objective_sense::minimize ? 1.0 : -1.0;
        const double a = sign * objectives(other, j), b = sign * objectives(kept, j);
        all_at_least = all_at_least && a <= b;
        one_better = one_better || a < b;
      }
      if (all_at_least && one_better) property_violated("pareto_front kept a dominated row");
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  magmat_fuzz::byte_reader in(data, size);
  switch (in.byte() % 3) {
  case 0: fuzz_evaluate(in); break;
  case 1: fuzz_mass_fractions(in); break;
  case 2: fuzz_pareto(in); break;
  }
  return 0;
}
