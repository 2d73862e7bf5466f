// The grade catalog (catalog.hpp): look-up, suggestions, filters and grades as magnets.
#include <magmat/catalog.hpp>
#include <magmat/data_files.hpp>
#include <magmat/errors.hpp>

#include "catalog_internal.hpp"
#include "embedded_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace magmat {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

} // namespace

std::string coercivity_letter(std::string_view name) {
  std::size_t i = 0;
  while (i < name.size() && std::isalpha(static_cast<unsigned char>(name[i]))) ++i; // "N", "G", ...
  while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i]))) ++i;
  std::string letters;
  while (i < name.size() && std::isalpha(static_cast<unsigned char>(name[i])))
    letters.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(name[i++]))));
  // A maker's suffix after the letter ("EHT", "AHT") is dropped: the longest known prefix wins.
  for (std::size_t n = letters.size(); n > 0; --n) {
    if (coercivity_letter_minimum(std::string_view(letters).substr(0, n))) return letters.substr(0, n);
  }
  return letters.empty() ? std::string() : letters;
}

std::optional<double> coercivity_letter_minimum(std::string_view letter) {
  if (const coercivity_class* c = sintered_coercivity_class(letter)) return c->min_intrinsic_coercivity;
  return std::nullopt;
}

double datasheet_range::nominal() const {
  if (typical) return *typical;
  if (min && max) return 0.5 * (*min + *max);
  if (min) return *min;
  if (max) return *max;
  throw data_error("a datasheet range without any value");
}

const Catalog& Catalog::builtin() {
  static const Catalog catalog = [] {
    Catalog all;
    for (const auto& file : detail::embedded_files()) {
      if (!file.path.starts_with("grades/") || !file.path.ends_with(".json")) continue;
      all = all.extend(from_json(file.text, "materials/" + std::string(file.path)));
    }
    return all;
  }();
  return catalog;
}

Catalog Catalog::from_json(std::string_view text, const std::string& file_label) {
  Catalog catalog;
  catalog.records_ = std::make_shared<const std::vector<grade_record>>(detail::parse_grade_file(text, file_label));
  catalog.index();
  return catalog;
}

Catalog Catalog::load(const std::filesystem::path& file) {
  return from_json(read_data_file(file, "grade file"), file.string());
}

Catalog Catalog::extend(const std::filesystem::path& file) const { return extend(load(file)); }

Catalog Catalog::extend(const Catalog& other) const {
  auto merged = std::make_shared<std::vector<grade_record>>(*records_);
  merged->insert(merged->end(), other.records_->begin(), other.records_->end());
  Catalog catalog;
  catalog.records_ = std::move(merged);
  catalog.index(); // throws on clashing names; `this` and `other` stay as they were
  return catalog;
}

void Catalog::index() {
  by_name_.clear();
  for (std::size_t i = 0; i < records_->size(); ++i) {
    const grade_record& g = (*records_)[i];
    std::vector<std::string> keys{g.name};
    keys.insert(keys.end(), g.aliases.begin(), g.aliases.end());
    for (const auto& key : keys) {
      const auto [it, inserted] = by_name_.emplace(lower(key), i);
      if (!inserted) {
        const grade_record& first = (*records_)[it->second];
        throw data_error(fmt::format("{}: grade '{}': the name or alias '{}' is already used by grade '{}' ({})",
                                     g.file, g.name, key, first.name, first.file));
      }
    }
  }
}

std::vector<std::string> Catalog::names() const {
  std::vector<std::string> out;
  out.reserve(records_->size());
  for (const auto& g : *records_) out.push_back(g.name);
  return out;
}

bool Catalog::contains(std::string_view name) const { return by_name_.count(lower(name)) > 0; }

std::vector<std::string> Catalog::suggestions(std::string_view name, std::size_t count) const {
  const std::string wanted = lower(name);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& [key, index] : by_name_) scored.emplace_back(edit_distance(wanted, key), (*records_)[index].name);
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [distance, grade] : scored) {
    if (out.size() == count) break;
    if (std::find(out.begin(), out.end(), grade) == out.end()) out.push_back(grade);
  }
  return out;
}

const grade_record& Catalog::record(std::string_view name) const {
  const auto it = by_name_.find(lower(name));
  if (it != by_name_.end()) return (*records_)[it->second];
  std::string hint;
  for (const auto& s : suggestions(name)) hint += (hint.empty() ? "" : ", ") + s;
  throw unknown_name_error(fmt::format("no grade named '{}' in the catalog; did you mean {}?", name,
                                       hint.empty() ? "(the catalog is empty)" : hint));
}

Grade Catalog::grade(std::string_view name) const { return grade_magnet(record(name)); }

std::vector<std::string> Catalog::find(const grade_filter& filter) const {
  // A misspelt filter value would silently match nothing; name it instead.
  // Family names are matched case-insensitively; "ndfeb" names every NdFeB family.
  const auto& families = detail::grade_families;
  std::optional<std::string> family = filter.family;
  if (family) std::transform(family->begin(), family->end(), family->begin(),
                             [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool every_ndfeb = family && *family == "ndfeb";
  if (family && !every_ndfeb && std::find(std::begin(families), std::end(families), *family) == std::end(families))
    throw unknown_name_error(fmt::format("Catalog.find: unknown family '{}' (ndfeb = every NdFeB family, ndfeb_sintered, "
                                         "ndfeb_bonded, ndfeb_hot_deformed, smco5, sm2co17, ferrite)", *filter.family));
  if (filter.kind && *filter.kind != "commercial" && *filter.kind != "literature")
    throw unknown_name_error(fmt::format("Catalog.find: unknown kind '{}' (commercial, literature)", *filter.kind));
  // A NaN limit compares false and lets every grade pass, a NaN or sub-zero temperature made
  // every grade "out of range" and returned []: a bad argument is named instead of filtering.
  const double kelvin = to_kelvin(filter.temperature);
  if (!(kelvin > 0.0) || !std::isfinite(kelvin))
    throw domain_error(fmt::format("Catalog.find: temperature must be finite and above absolute zero, got {} K ({} degC)",
                                   kelvin, to_celsius(filter.temperature)));
  if (filter.min_intrinsic_coercivity &&
      !(filter.min_intrinsic_coercivity->value() >= 0.0 && std::isfinite(filter.min_intrinsic_coercivity->value())))
    throw domain_error(fmt::format("Catalog.find: min_intrinsic_coercivity must be finite and >= 0 A/m, got {}",
                                   filter.min_intrinsic_coercivity->value()));
  if (filter.min_max_energy_product &&
      !(filter.min_max_energy_product->value() >= 0.0 && std::isfinite(filter.min_max_energy_product->value())))
    throw domain_error(fmt::format("Catalog.find: min_max_energy_product must be finite and >= 0 J/m^3, got {}",
                                   filter.min_max_energy_product->value()));
  if (filter.max_heavy_rare_earth && !(*filter.max_heavy_rare_earth >= 0.0 && *filter.max_heavy_rare_earth <= 1.0))
    throw domain_error(fmt::format("Catalog.find: max_heavy_rare_earth (a mass fraction) must lie in [0, 1], got {}",
                                   *filter.max_heavy_rare_earth));
  std::vector<std::string> out;
  for (const auto& g : *records_) {
    if (family && (every_ndfeb ? !g.family.starts_with("ndfeb_") : g.family != *family)) continue;
    if (filter.kind && g.kind != *filter.kind) continue;
    const bool needs_magnet = filter.min_intrinsic_coercivity || filter.min_max_energy_product || filter.max_heavy_rare_earth;
    if (!needs_magnet) {
      out.push_back(g.name);
      continue;
    }
    const Magnet m = grade_magnet(g);
    if (filter.max_heavy_rare_earth && m.composition().heavy_rare_earth_mass_fraction() > *filter.max_heavy_rare_earth)
      continue;
    try {
      if (filter.min_intrinsic_coercivity && m.intrinsic_coercivity(filter.temperature) < *filter.min_intrinsic_coercivity)
        continue;
      if (filter.min_max_energy_product && m.max_energy_product(filter.temperature) < *filter.min_max_energy_product)
        continue;
    } catch (const domain_error&) {
      continue; // the temperature lies outside this grade's range (e.g. above its Curie point)
    }
    out.push_back(g.name);
  }
  return out;
}

} // namespace magmat
