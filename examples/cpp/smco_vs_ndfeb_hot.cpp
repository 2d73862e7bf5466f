// Why the policy keeps SmCo: Br of SmCo and NdFeB grades from 150 to 300 degC at permeance coefficient 2.
#include <magmat/magmat.hpp>

#include <fmt/core.h>

#include <string>
#include <vector>

int main() {
  using namespace magmat::literals;

  const double permeance = 2.0;
  const auto& catalog = magmat::Catalog::builtin();
  const std::vector<double> temperatures_celsius = {150.0, 200.0, 250.0, 300.0};

  fmt::print("Br (T) at temperature; '-' where the magnet lies beyond its knee at Pc = 2\n");
  std::string header = fmt::format("{:<8} ", "grade");
  for (std::size_t i = 0; i < temperatures_celsius.size(); ++i) {
    header += fmt::format("{}{:>7g} C", i == 0 ? "" : " ", temperatures_celsius[i]);
  }
  fmt::print("{}   T max (degC)\n", header);

  for (const char* name : {"N42SH", "G42AH", "YX20", "YXG28H"}) {
    const magmat::Grade grade = catalog.grade(name);
    std::string line = fmt::format("{:<8} ", grade.name());
    for (std::size_t i = 0; i < temperatures_celsius.size(); ++i) {
      const magmat::thermodynamic_temperature t = magmat::from_celsius(temperatures_celsius[i]);
      std::string cell;
      try {
        const bool beyond = magmat::find_operating_point(grade, permeance, t, 0.0_A_per_m).beyond_knee;
        cell = beyond ? "      -  " : fmt::format("{:9.3f}", grade.remanence(t).value());
      } catch (const magmat::domain_error&) {
        cell = "      -  ";
      }
      line += (i == 0 ? "" : " ") + cell;
    }
    fmt::print("{}   {:10.0f}\n", line,
               magmat::to_celsius(magmat::max_operating_temperature(grade, permeance, 0.0, 0.0_A_per_m)));
  }
  return 0;
}
