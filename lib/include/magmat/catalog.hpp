// The catalog of commercial magnet grades: datasheet records with sources, loaded from the
// embedded materials/grades/ files or from users' files, looked up by name, filtered, and
// turned into Magnets whose temperature behaviour follows the datasheet and the physics model.
#pragma once

#include <magmat/magnet.hpp>
#include <magmat/units.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magmat {

/// A datasheet quantity: minimum, typical and maximum as printed (any may be missing), in SI.
struct datasheet_range {
  std::optional<double> min;
  std::optional<double> typical;
  std::optional<double> max;
  std::string source; ///< key of materials/references.json (or the user's own citation)
  /// The value the catalog uses for a grade: typical if given, else the middle of min and max,
  /// else whichever bound is given.
  double nominal() const;
};

/// A sourced single value (SI), e.g. a density.
struct datasheet_value {
  double value = 0.0;
  std::string source;
};

/// The grade's composition block (mass fractions, 0..1).
struct grade_composition {
  std::string basis; ///< "typical" (from a source) or "estimated" (see method)
  std::optional<double> total_rare_earth;
  std::optional<double> dysprosium;
  std::optional<double> terbium;
  std::optional<double> praseodymium;
  std::optional<double> cobalt;
  std::string source;
  std::string method;
};

/// One grade as its datasheet gives it.
struct grade_record {
  std::string name;
  std::vector<std::string> aliases;
  std::string family; ///< ndfeb_sintered, ndfeb_bonded, ndfeb_hot_deformed, smco5, sm2co17, ferrite
  std::string description;
  /// "commercial" (a maker's datasheet) or "literature" (a magnet from a peer-reviewed paper,
  /// where no maker publishes one); a user's file that says neither is read as "commercial".
  std::string kind = "commercial";
  datasheet_range remanence;            ///< T
  datasheet_range normal_coercivity;    ///< A/m (may be empty)
  datasheet_range intrinsic_coercivity; ///< A/m
  datasheet_range max_energy_product;   ///< J/m^3 (empty, no source, for a literature magnet whose paper prints none)
  std::optional<temperature_coefficient> remanence_coefficient;            ///< alpha(Br), 1/K
  std::optional<temperature_coefficient> intrinsic_coercivity_coefficient; ///< beta(HcJ), 1/K
  std::optional<thermodynamic_temperature> coefficients_from;
  std::optional<thermodynamic_temperature> coefficients_to;
  /// False when the source gives coefficients without their interval; 20-100 degC is then assumed.
  bool coefficients_stated = false;
  std::string coefficients_source;
  std::optional<thermodynamic_temperature> max_operating_temperature;
  std::optional<thermodynamic_temperature> curie_temperature;
  std::optional<datasheet_value> density;             ///< kg/m^3
  std::optional<datasheet_value> recoil_permeability; ///< relative
  std::optional<datasheet_value> squareness;          ///< Hk/HcJ
  std::optional<grade_composition> composition;
  std::optional<datasheet_value> coercivity_letter_exception; ///< the source's lower HcJ minimum, A/m
  /// Curves measured at several temperatures and fitted (curve_fit.hpp): they replace Br, HcJ and
  /// the coefficients above at every temperature (a grade written by Magnet.to_grade_json).
  std::optional<measured_curves_table> measured_curves;
  /// The process of the physics model underneath when not the family's usual one.
  std::optional<std::string> process;
  std::string file; ///< where the record was read
  std::string json; ///< the grade's JSON object as read (rebuilds the record with Catalog::from_json)
};

/// A catalog grade: a Magnet (usable wherever one is) that also carries its datasheet record.
class Grade : public Magnet {
public:
  Grade(Magnet magnet, grade_record record, std::string coercivity_coefficient_basis = "")
      : Magnet(std::move(magnet)), record_(std::make_shared<const grade_record>(std::move(record))),
        coercivity_coefficient_basis_(std::move(coercivity_coefficient_basis)) {}
  const grade_record& record() const { return *record_; }
  /// Where the beta(HcJ) that anchors this grade comes from: "datasheet" (its own page),
  /// "class" (its coercivity class's published value, the page printing none), "model"
  /// (neither: the physics model's ratio from 20 degC) or "measured" (a grade fitted to measured
  /// curves, which carry its temperature behaviour).
  const std::string& coercivity_coefficient_basis() const { return coercivity_coefficient_basis_; }

private:
  std::shared_ptr<const grade_record> record_;
  std::string coercivity_coefficient_basis_;
};

/// Filters of Catalog::find; unset fields do not filter.
struct grade_filter {
  /// A family, case-insensitive ("NdFeB_Sintered" is ndfeb_sintered), or "ndfeb" for every NdFeB
  /// family; an unknown name is an unknown_name_error.
  std::optional<std::string> family;
  /// "commercial" or "literature" (grade_record::kind); anything else is a value_error.
  std::optional<std::string> kind;
  /// HcJ (A/m) that the grade must reach at `temperature`.
  std::optional<magnetic_field_strength> min_intrinsic_coercivity;
  /// (BH)max (J/m^3) that the grade must reach at `temperature`.
  std::optional<energy_density> min_max_energy_product;
  /// Largest Dy + Tb mass fraction (of the grade's composition, typical or estimated).
  std::optional<double> max_heavy_rare_earth;
  thermodynamic_temperature temperature = from_celsius(20.0);
};

/// The coercivity letter of a sintered NdFeB grade name: "N42SH" -> "SH", "N52" -> "",
/// "48UH" -> "UH", "G42EHT" -> "EH" (a maker's prefix letter and suffix after the known letter
/// are dropped); letters that name no known class come back as they are.
std::string coercivity_letter(std::string_view grade_name);

/// The industry's minimum HcJ (A/m) of a sintered NdFeB coercivity letter ("" for plain N,
/// "M", "H", "SH", "UH", "EH", "AH"), or nothing for an unknown letter; see materials/grades/README.md.
std::optional<double> coercivity_letter_minimum(std::string_view letter);

/// A coercivity class of sintered NdFeB as materials/classes/ndfeb_sintered.json gives it: the
/// minimum HcJ at 20 degC and, where a maker publishes one, the class's beta(HcJ) over its
/// interval (20-100 degC when the source prints none).
struct coercivity_class {
  std::string letter;                              ///< "" for plain N, "M", "H", "SH", ...
  std::string name;                                ///< "N", "M", "H", "SH", ...
  double min_intrinsic_coercivity = 0.0;           ///< A/m
  std::string min_source;
  std::optional<temperature_coefficient> intrinsic_coercivity_coefficient; ///< 1/K
  thermodynamic_temperature coefficient_from;
  thermodynamic_temperature coefficient_to;
  bool coefficient_interval_stated = false;
  std::string coefficient_source;
};

/// The shipped coercivity classes of sintered NdFeB, in ascending HcJ.
const std::vector<coercivity_class>& sintered_coercivity_classes();
/// The class of a letter ("" for N), or null for an unknown letter.
const coercivity_class* sintered_coercivity_class(std::string_view letter);

/// An immutable catalog of grades. Copies share their records.
class Catalog {
public:
  /// The grades shipped with magmat (embedded at build time).
  static const Catalog& builtin();
  /// A catalog of the grades in a user's file (the format of materials/grades/*.json).
  /// A file with any problem is rejected whole: data_error lists file, JSON pointer and reason
  /// of every problem.
  static Catalog load(const std::filesystem::path& file);
  /// The same from JSON text; `file_label` names it in error messages.
  static Catalog from_json(std::string_view text, const std::string& file_label);
  /// A new catalog with this one's grades plus the file's; this catalog is unchanged. Names
  /// or aliases that clash with existing grades are errors.
  Catalog extend(const std::filesystem::path& file) const;
  Catalog extend(const Catalog& other) const;

  std::size_t size() const { return records_->size(); }
  /// Grade names in catalog order.
  std::vector<std::string> names() const;
  const std::vector<grade_record>& records() const { return *records_; }
  /// The record of a grade by name or alias, case-insensitive. An unknown name throws
  /// unknown_name_error suggesting the nearest names.
  const grade_record& record(std::string_view name) const;
  bool contains(std::string_view name) const;
  /// The grade as a Magnet: datasheet values at 20 degC, datasheet coefficients inside their
  /// interval, the physics model (calibrated to the datasheet) outside it.
  Grade grade(std::string_view name) const;
  /// Names of the grades that pass every set filter.
  std::vector<std::string> find(const grade_filter& filter) const;
  /// The nearest grade names to `name` (edit distance), best first.
  std::vector<std::string> suggestions(std::string_view name, std::size_t count = 3) const;

private:
  Catalog() : records_(std::make_shared<std::vector<grade_record>>()) {}
  void index();
  std::shared_ptr<const std::vector<grade_record>> records_;
  std::map<std::string, std::size_t, std::less<>> by_name_; ///< lower-case name or alias -> index
};

/// The Grade a record stands for (what Catalog::grade returns).
Grade grade_magnet(const grade_record& record);
/// The physics model underneath a grade, before the datasheet pins it: the family's composition
/// and process (or `process`), for NdFeB with the least heavy rare earth that reaches the grade's
/// HcJ at 20 degC. Throws unknown_name_error for an unknown family or process.
Magnet grade_model(const grade_record& record, const std::optional<std::string>& process = std::nullopt);
/// Throws unknown_name_error unless `family` is one of the grade families.
void grade_family_check(std::string_view family);

} // namespace magmat
