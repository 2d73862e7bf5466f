// A Dy 0-4 wt%, Ce 0-6 wt% sintered NdFeB sweep at 150 degC and its Pareto front: least Dy for the most HcJ.
#include <magmat/magmat.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <vector>

int main() {
  using namespace magmat::literals;

  constexpr Eigen::Index dy_steps = 41; // Dy 0, 0.1, ..., 4 wt%
  constexpr Eigen::Index ce_steps = 13; // Ce 0, 0.5, ..., 6 wt%
  const Eigen::Index rows = dy_steps * ce_steps;

  magmat::batch_input input;
  input.elements = {magmat::Element::Nd, magmat::Element::Dy, magmat::Element::Ce, magmat::Element::B,
                    magmat::Element::Fe};
  input.mass_percent.resize(rows, static_cast<Eigen::Index>(input.elements.size()));
  Eigen::ArrayXd dy(rows), ce(rows);
  for (Eigen::Index c = 0; c < ce_steps; ++c) {
    for (Eigen::Index d = 0; d < dy_steps; ++d) {
      const Eigen::Index i = c * dy_steps + d;
      dy(i) = static_cast<double>(d) * (4.0 / static_cast<double>(dy_steps - 1));
      ce(i) = static_cast<double>(c) * (6.0 / static_cast<double>(ce_steps - 1));
      input.mass_percent.row(i) << 31.0 - dy(i) - ce(i), dy(i), ce(i), 1.0, 68.0;
    }
  }
  input.temperature_kelvin = Eigen::ArrayXd::Constant(1, magmat::to_kelvin(150.0_degC));
  input.process = "sintered";

  const magmat::batch_result res = magmat::evaluate(input, 1, /*mask_errors=*/true);

  Eigen::ArrayXXd objectives(rows, 2);
  objectives.col(0) = res.heavy_rare_earth_mass_fraction;
  objectives.col(1) = res.intrinsic_coercivity;
  std::vector<Eigen::Index> front = magmat::pareto_front(
      objectives, {magmat::objective_sense::minimize, magmat::objective_sense::maximize});
  std::ranges::stable_sort(front, {}, [&](Eigen::Index i) { return res.intrinsic_coercivity(i); });

  fmt::print("{} candidates, {} valid, {} on the Pareto front\n", rows, res.valid.count(), front.size());
  fmt::print("{:>7} {:>7} {:>16} {:>12}\n", "Dy wt%", "Ce wt%", "HcJ(150 C) kA/m", "Br(150 C) T");
  for (const Eigen::Index i : front) {
    fmt::print("{:7.2f} {:7.2f} {:16.0f} {:12.3f}\n", dy(i), ce(i), res.intrinsic_coercivity(i) / 1e3,
               res.remanence(i));
  }
  return 0;
}
