// Fitting the demagnetization model to measured curves (curve_fit.hpp): robust
// Levenberg-Marquardt over (mu_rec, Br_i, HcJ_i, q_i), and the magnet pinned to the result.
#include <magmat/curve_fit.hpp>
#include <magmat/catalog.hpp>
#include <magmat/demag.hpp>
#include <magmat/errors.hpp>

#include <Eigen/Dense>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace magmat {
namespace {

constexpr double mu0 = vacuum_permeability_h_per_m;
// Huber's threshold in units of the residuals' scale: 95 % efficiency for Gaussian noise.
constexpr double huber_threshold = 1.345;
// Floor of the residuals' scale (T): a curve computed rather than measured has none, and the
// weights must stay finite.
constexpr double min_residual_scale = 1e-6;
// Bounds the parameters are kept in while iterating (demag.hpp's validity, and HcJ > 0).
constexpr double min_squareness = 0.02, max_squareness = 0.995;

// One curve, sorted by H, as J (T).
struct curve_data {
  double kelvin;
  Eigen::ArrayXd field;
  Eigen::ArrayXd polarization;
};

std::string where(double kelvin) { return fmt::format("the curve at {:.6g} degC", kelvin - zero_celsius_in_kelvin); }

// Median of a copy.
double median(std::vector<double> v) {
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double upper = v[mid];
  if (v.size() % 2 == 1) return upper;
  return 0.5 * (upper + *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)));
}

// J, checked and sorted by H.
curve_data prepared(const measured_curve& c, curve_quantity quantity) {
  const double kelvin = to_kelvin(c.temperature);
  if (!std::isfinite(kelvin) || !(kelvin > 0.0))
    throw domain_error(fmt::format("a curve's temperature must be finite and above 0 K, got {} degC",
                                   to_celsius(c.temperature)));
  if (c.field.size() != c.values.size())
    throw domain_error(fmt::format("{}: H has {} points, the values {}", where(kelvin), c.field.size(), c.values.size()));
  for (Eigen::Index i = 0; i < c.field.size(); ++i)
    if (!std::isfinite(c.field(i)) || !std::isfinite(c.values(i)))
      throw domain_error(fmt::format("{}: point {} (H = {}, value = {}) is not finite", where(kelvin), i, c.field(i),
                                     c.values(i)));
  const auto second_quadrant = static_cast<std::size_t>((c.field < 0.0).count());
  if (second_quadrant < min_curve_points)
    throw domain_error(fmt::format("{}: {} points with H < 0, at least {} needed (H is negative in the second "
                                   "quadrant, where the field opposes the magnetization)",
                                   where(kelvin), second_quadrant, min_curve_points));
  std::vector<Eigen::Index> order(static_cast<std::size_t>(c.field.size()));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return c.field(a) < c.field(b); });
  curve_data d{kelvin, Eigen::ArrayXd(c.field.size()), Eigen::ArrayXd(c.field.size())};
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto i = static_cast<Eigen::Index>(k);
    d.field(i) = c.field(order[k]);
    d.polarization(i) = c.values(order[k]) - (quantity == curve_quantity::flux_density ? mu0 * d.field(i) : 0.0);
  }
  // Monotone J: a demagnetization curve's J rises with H. Judged on a running median of five
  // points, so that noise and a few outliers pass and a reversed or swapped curve does not.
  const Eigen::Index n = d.field.size();
  std::vector<double> smooth(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index lo = std::max<Eigen::Index>(0, i - 2), hi = std::min<Eigen::Index>(n - 1, i + 2);
    smooth[static_cast<std::size_t>(i)] =
        median(std::vector<double>(d.polarization.data() + lo, d.polarization.data() + hi + 1));
  }
  const double span = d.polarization.maxCoeff() - d.polarization.minCoeff();
  double highest = -std::numeric_limits<double>::infinity();
  for (Eigen::Index i = 0; i < n; ++i) {
    const double j = smooth[static_cast<std::size_t>(i)];
    if (highest - j > 0.1 * span + 0.01)
      throw domain_error(fmt::format("{}: J falls from {:.4g} T to {:.4g} T as H rises to {:.6g} A/m; J must rise "
                                     "with H (H negative in the second quadrant, J or B in the second column)",
                                     where(kelvin), highest, j, d.field(i)));
    highest = std::max(highest, j);
  }
  return d;
}

// First guesses of (Br, HcJ, q) read off the curve.
Eigen::Vector3d first_guess(const curve_data& d, double recoil_permeability) {
  const Eigen::Index n = d.field.size();
  Eigen::Index nearest = 0;
  for (Eigen::Index i = 0; i < n; ++i)
    if (std::abs(d.field(i)) < std::abs(d.field(nearest))) nearest = i;
  std::vector<double> around;
  for (Eigen::Index i = std::max<Eigen::Index>(0, nearest - 2); i <= std::min<Eigen::Index>(n - 1, nearest + 2); ++i)
    around.push_back(d.polarization(i) - mu0 * (recoil_permeability - 1.0) * d.field(i));
  const double br = median(around);
  if (!(br > 0.0))
    throw domain_error(fmt::format("{}: J near H = 0 is {:.4g} T; a magnet's remanence must be positive",
                                   where(d.kelvin), br));
  // HcJ: where J (walking from H = 0 towards the reverse field) first drops below 0, else where
  // it drops below Br/2, else beyond the last point.
  double zero = std::numeric_limits<double>::quiet_NaN(), half = zero, knee = zero;
  for (Eigen::Index i = n - 1; i > 0; --i) {
    if (d.field(i) > 0.0) continue;
    const double line = br + mu0 * (recoil_permeability - 1.0) * d.field(i - 1);
    if (std::isnan(knee) && d.polarization(i - 1) < 0.9 * line) knee = -d.field(i - 1);
    if (std::isnan(half) && d.polarization(i - 1) < 0.5 * br) half = -d.field(i - 1);
    if (std::isnan(zero) && d.polarization(i - 1) < 0.0) {
      const double j0 = d.polarization(i), j1 = d.polarization(i - 1);
      zero = -(d.field(i) + (d.field(i - 1) - d.field(i)) * j0 / (j0 - j1));
      break;
    }
  }
  const double reach = -d.field(0);
  const double hcj = !std::isnan(zero) ? zero : !std::isnan(half) ? 1.05 * half : 1.2 * reach;
  const double q = std::isnan(knee) ? 0.9 : std::clamp(knee / hcj, 0.3, 0.98);
  return {br, hcj, q};
}

// Parameters: x(0) = mu_rec - 1, then per curve Br (T), HcJ over its first guess, q.
struct problem {
  std::vector<curve_data> curves;
  std::vector<double> coercivity_scale;
  Eigen::Index rows = 0;

  Eigen::Index size() const { return 1 + 3 * static_cast<Eigen::Index>(curves.size()); }

  // A parameter vector kept inside the model's validity.
  void clamp(Eigen::VectorXd& x) const {
    x(0) = std::clamp(x(0), 0.0, max_recoil_permeability - 1.0);
    for (std::size_t c = 0; c < curves.size(); ++c) {
      const Eigen::Index k = 1 + 3 * static_cast<Eigen::Index>(c);
      x(k) = std::clamp(x(k), 1e-3, 5.0);
      // Br > mu0 (mu_rec - 1) HcJ (demag.hpp): HcJ below that bound, with a margin.
      const double most = x(0) > 0.0 ? 0.99 * x(k) / (mu0 * x(0)) / coercivity_scale[c] : 1e3;
      x(k + 1) = std::clamp(x(k + 1), 1e-3, std::min(1e3, most));
      x(k + 2) = std::clamp(x(k + 2), min_squareness, max_squareness);
    }
  }

  // Residuals (data - model) of curve c.
  Eigen::ArrayXd residuals(std::size_t c, double mu_rec_minus_one, double br, double hcj_scaled, double q) const {
    const curve_data& d = curves[c];
    const demagnetization_model model(magnetic_polarization::from_value(br),
                                      magnetic_field_strength::from_value(hcj_scaled * coercivity_scale[c]),
                                      1.0 + mu_rec_minus_one, q);
    Eigen::ArrayXd r(d.field.size());
    for (Eigen::Index i = 0; i < d.field.size(); ++i)
      r(i) = d.polarization(i) - model.polarization(magnetic_field_strength::from_value(d.field(i))).value();
    return r;
  }

  Eigen::VectorXd residuals(const Eigen::VectorXd& x) const {
    Eigen::VectorXd r(rows);
    Eigen::Index at = 0;
    for (std::size_t c = 0; c < curves.size(); ++c) {
      const Eigen::Index k = 1 + 3 * static_cast<Eigen::Index>(c);
      const Eigen::ArrayXd part = residuals(c, x(0), x(k), x(k + 1), x(k + 2));
      r.segment(at, part.size()) = part.matrix();
      at += part.size();
    }
    return r;
  }

  // Jacobian of the residuals by central differences (each curve depends on four parameters).
  Eigen::MatrixXd jacobian(const Eigen::VectorXd& x) const {
    Eigen::MatrixXd jac = Eigen::MatrixXd::Zero(rows, size());
    Eigen::Index at = 0;
    for (std::size_t c = 0; c < curves.size(); ++c) {
      const Eigen::Index k = 1 + 3 * static_cast<Eigen::Index>(c);
      const Eigen::Index n = curves[c].field.size();
      const Eigen::Index columns[4] = {0, k, k + 1, k + 2};
      for (const Eigen::Index j : columns) {
        const double step = 1e-6 * std::max(std::abs(x(j)), j == 0 ? 0.01 : 0.1);
        Eigen::VectorXd up = x, down = x;
        up(j) += step;
        down(j) -= step;
        // One-sided at a bound, so that the model stays valid.
        clamp(up);
        clamp(down);
        const double h = up(j) - down(j);
        if (!(h > 0.0)) continue;
        jac.block(at, j, n, 1) =
            ((residuals(c, up(0), up(k), up(k + 1), up(k + 2)) - residuals(c, down(0), down(k), down(k + 1), down(k + 2))) / h)
                .matrix();
      }
      at += n;
    }
    return jac;
  }
};

// Levenberg-Marquardt on sum w r^2 from x (kept inside the bounds).
Eigen::VectorXd levenberg_marquardt(const problem& p, Eigen::VectorXd x, const Eigen::VectorXd& weights) {
  auto cost = [&](const Eigen::VectorXd& r) { return (weights.array() * r.array().square()).sum(); };
  Eigen::VectorXd r = p.residuals(x);
  double current = cost(r);
  double lambda = 1e-3;
  for (int iteration = 0; iteration < 200; ++iteration) {
    const Eigen::MatrixXd jac = p.jacobian(x);
    const Eigen::MatrixXd normal = jac.transpose() * weights.asDiagonal() * jac;
    const Eigen::VectorXd gradient = jac.transpose() * (weights.array() * r.array()).matrix();
    bool improved = false;
    for (int attempt = 0; attempt < 30 && !improved; ++attempt) {
      Eigen::MatrixXd damped = normal;
      damped.diagonal() += lambda * (normal.diagonal().array().max(1e-12)).matrix();
      Eigen::VectorXd trial = x - damped.ldlt().solve(gradient);
      p.clamp(trial);
      const Eigen::VectorXd trial_r = p.residuals(trial);
      const double trial_cost = cost(trial_r);
      if (std::isfinite(trial_cost) && trial_cost < current) {
        const double gain = current - trial_cost;
        const double moved = (trial - x).norm();
        x = trial;
        r = trial_r;
        current = trial_cost;
        lambda = std::max(lambda / 3.0, 1e-12);
        improved = true;
        if (gain <= 1e-14 * current || moved <= 1e-12 * (1.0 + x.norm())) return x;
      } else {
        lambda *= 4.0;
      }
    }
    if (!improved) break;
  }
  return x;
}

// Huber weights of the residuals at the scale of their median absolute deviation.
Eigen::VectorXd huber_weights(const Eigen::VectorXd& r, double& scale) {
  std::vector<double> magnitude(static_cast<std::size_t>(r.size()));
  for (Eigen::Index i = 0; i < r.size(); ++i) magnitude[static_cast<std::size_t>(i)] = std::abs(r(i));
  scale = std::max(1.4826 * median(magnitude), min_residual_scale);
  const double threshold = huber_threshold * scale;
  Eigen::VectorXd w(r.size());
  for (Eigen::Index i = 0; i < r.size(); ++i) w(i) = std::abs(r(i)) <= threshold ? 1.0 : threshold / std::abs(r(i));
  return w;
}

} // namespace

measured_curves_table fit_demagnetization_curves(std::vector<measured_curve> curves, curve_quantity quantity) {
  if (curves.empty()) throw domain_error("fitting curves needs at least one curve");
  std::sort(curves.begin(), curves.end(),
            [](const measured_curve& a, const measured_curve& b) { return a.temperature < b.temperature; });
  problem p;
  for (std::size_t c = 0; c < curves.size(); ++c) {
    if (c > 0 && curves[c].temperature == curves[c - 1].temperature)
      throw domain_error(fmt::format("two curves at {:.6g} degC; give one curve per temperature",
                                     to_celsius(curves[c].temperature)));
    p.curves.push_back(prepared(curves[c], quantity));
    p.rows += p.curves.back().field.size();
  }
  const double first_recoil = 1.05; // sintered NdFeB's (demag.hpp); the fit moves it
  Eigen::VectorXd x(p.size());
  x(0) = first_recoil - 1.0;
  for (std::size_t c = 0; c < p.curves.size(); ++c) {
    const Eigen::Vector3d guess = first_guess(p.curves[c], first_recoil);
    const Eigen::Index k = 1 + 3 * static_cast<Eigen::Index>(c);
    p.coercivity_scale.push_back(guess(1));
    x(k) = guess(0);
    x(k + 1) = 1.0;
    x(k + 2) = guess(2);
  }
  p.clamp(x);

  // Least squares first, then reweighted rounds until the weights settle.
  Eigen::VectorXd weights = Eigen::VectorXd::Ones(p.rows);
  x = levenberg_marquardt(p, x, weights);
  double scale = 0.0;
  for (int round = 0; round < 20; ++round) {
    const Eigen::VectorXd next = huber_weights(p.residuals(x), scale);
    const double change = (next - weights).cwiseAbs().maxCoeff();
    weights = next;
    x = levenberg_marquardt(p, x, weights);
    if (change < 1e-3) break;
  }

  // Standard uncertainties: s^2 (J^T W J)^-1, s^2 the weighted residual variance.
  const Eigen::VectorXd r = p.residuals(x);
  const Eigen::MatrixXd jac = p.jacobian(x);
  const double dof = static_cast<double>(p.rows - p.size());
  const double variance = (weights.array() * r.array().square()).sum() / std::max(dof, 1.0);
  const Eigen::MatrixXd normal = jac.transpose() * weights.asDiagonal() * jac;
  const Eigen::MatrixXd covariance = variance * normal.completeOrthogonalDecomposition().pseudoInverse();
  auto sigma = [&](Eigen::Index j) { return std::sqrt(std::max(covariance(j, j), 0.0)); };

  measured_curves_table table;
  table.recoil_permeability = 1.0 + x(0);
  table.recoil_permeability_uncertainty = sigma(0);
  Eigen::Index at = 0;
  for (std::size_t c = 0; c < p.curves.size(); ++c) {
    const Eigen::Index k = 1 + 3 * static_cast<Eigen::Index>(c);
    const Eigen::Index n = p.curves[c].field.size();
    const Eigen::ArrayXd part = r.segment(at, n).array();
    at += n;
    // A curve that stops before its knee leaves HcJ and q undetermined (the fit then drifts
    // along the recoil line): the points must reach to where J has fallen about 4 % below the
    // line, one logistic width short of the knee field Hk = q HcJ.
    const double hcj = x(k + 1) * p.coercivity_scale[c], q = x(k + 2);
    const double knee = q * hcj, width = hcj * (1.0 - q) / std::log(19.0);
    const double reach = -p.curves[c].field.minCoeff();
    if (reach < knee - width)
      throw domain_error(fmt::format("{}: the points reach H = {:.6g} A/m, short of the knee (J still on the recoil "
                                     "line there), so HcJ and the squareness cannot be fitted; give the curve past "
                                     "its knee (the J curve down to J = 0 is best)",
                                     where(p.curves[c].kelvin), -reach));
    fitted_curve_parameters f;
    f.temperature = from_kelvin(p.curves[c].kelvin);
    f.remanence = magnetic_polarization::from_value(x(k));
    f.intrinsic_coercivity = magnetic_field_strength::from_value(x(k + 1) * p.coercivity_scale[c]);
    f.squareness = x(k + 2);
    f.remanence_uncertainty = magnetic_polarization::from_value(sigma(k));
    f.intrinsic_coercivity_uncertainty = magnetic_field_strength::from_value(sigma(k + 1) * p.coercivity_scale[c]);
    f.squareness_uncertainty = sigma(k + 2);
    f.rms_residual = magnetic_polarization::from_value(std::sqrt(part.square().mean()));
    f.max_residual = magnetic_polarization::from_value(part.abs().maxCoeff());
    f.points = static_cast<std::size_t>(n);
    table.curves.push_back(f);
  }
  return table;
}

Magnet magnet_of_measured_curves(const measured_curves_table& table, std::string_view family,
                                 std::optional<std::string> process, std::string name) {
  if (table.curves.empty()) throw domain_error(fmt::format("measured curves of '{}': no curve", name));
  // The entry nearest 20 degC calibrates the physics model underneath, as a grade's datasheet does.
  const auto room = from_celsius(20.0);
  const fitted_curve_parameters& reference = *std::min_element(
      table.curves.begin(), table.curves.end(), [&](const fitted_curve_parameters& a, const fitted_curve_parameters& b) {
        return std::abs(to_kelvin(a.temperature) - to_kelvin(room)) < std::abs(to_kelvin(b.temperature) - to_kelvin(room));
      });
  grade_record g;
  g.name = name;
  g.family = std::string(family);
  g.file = "measured curves";
  g.remanence.typical = reference.remanence.value();
  g.intrinsic_coercivity.typical = reference.intrinsic_coercivity.value();
  g.recoil_permeability = datasheet_value{table.recoil_permeability, "measured curves"};
  g.squareness = datasheet_value{std::clamp(reference.squareness, 0.01, 0.999), "measured curves"};
  const Magnet model = [&] {
    try {
      return grade_model(g, process);
    } catch (const data_error& e) {
      // the catalog's message speaks of a grade file; here the HcJ came from the curves
      throw domain_error(fmt::format("measured curves of '{}': the {} physics model cannot carry the fitted HcJ of "
                                     "{:.0f} kA/m at {:.6g} degC ({})", name, family,
                                     reference.intrinsic_coercivity.value() / 1e3, to_celsius(reference.temperature),
                                     e.what()));
    }
  }();
  for (const fitted_curve_parameters& c : table.curves)
    if (c.temperature < model.min_temperature() || c.temperature > model.max_temperature())
      throw domain_error(fmt::format("measured curves of '{}': {:.6g} degC lies outside the {} model's {:.6g} to "
                                     "{:.6g} degC", name, to_celsius(c.temperature), family,
                                     to_celsius(model.min_temperature()), to_celsius(model.max_temperature())));
  datasheet_anchor anchor;
  anchor.name = std::move(name);
  anchor.reference_temperature = reference.temperature;
  anchor.remanence = reference.remanence;
  anchor.intrinsic_coercivity = reference.intrinsic_coercivity;
  anchor.coefficients_from = reference.temperature;
  anchor.coefficients_to = reference.temperature;
  anchor.measured = table;
  return model.with_datasheet(std::move(anchor));
}

Magnet fit_magnet_to_curves(std::vector<measured_curve> curves, curve_quantity quantity, std::string_view family,
                            std::optional<std::string> process, std::string name) {
  // The family and process first: a wrong name is reported before the fit runs.
  grade_family_check(family);
  return magnet_of_measured_curves(fit_demagnetization_curves(std::move(curves), quantity), family, std::move(process),
                                   std::move(name));
}

} // namespace magmat
