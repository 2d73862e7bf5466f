// Tests of table.hpp: the table model and its plain-text rendering.
#include <catch2/catch.hpp>

#include <magmat/errors.hpp>
#include <magmat/table.hpp>

#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using magmat::table;
using magmat::table_column;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

table grades() {
  table t({{"name", "grade", "", "", "", -1},
           {"remanence_T", "Br ({unit})", "T", "kG", "", -1},
           {"intrinsic_coercivity_A_per_m", "HcJ ({unit})", "A/m", "kA/m", "", 0}});
  t.add_row({std::string("N42SH"), 1.315, 1.6e6});
  t.add_row({std::string("no HcJ"), 1.2, std::numeric_limits<double>::quiet_NaN()});
  return t;
}

} // namespace

TEST_CASE("Text shows each number in its column's display unit, converted by convert", "[table]") {
  const auto lines = lines_of(magmat::to_text(grades()));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].find("Br (kG)") != std::string::npos);
  CHECK(lines[0].find("HcJ (kA/m)") != std::string::npos);
  CHECK(lines[1].find_first_not_of("- ") == std::string::npos);  // the rule under the heading
  // 1.315 T = 13.15 kG; 1.6e6 A/m = 1600 kA/m with no decimals
  CHECK(lines[2].find("13.15") != std::string::npos);
  CHECK(lines[2].find("1600") != std::string::npos);
}

TEST_CASE("A missing number is shown as a dash and lines carry no trailing blanks", "[table]") {
  const auto lines = lines_of(magmat::to_text(grades()));
  REQUIRE(lines.size() == 4);
  CHECK(lines[3].back() == '-');
  for (const auto& line : lines) CHECK(line.back() != ' ');
}

TEST_CASE("Numbers are right-aligned and text left-aligned under their headings", "[table]") {
  const auto lines = lines_of(magmat::to_text(grades()));
  REQUIRE(lines.size() == 4);
  CHECK(lines[2].rfind("N42SH", 0) == 0);
  CHECK(lines[0].size() == lines[2].size());  // the last column ends where its heading ends
}

TEST_CASE("The model keeps columns and rows as given and finds columns by key", "[table]") {
  const table t = grades();
  CHECK(t.columns().size() == 3);
  CHECK(t.rows().size() == 2);
  CHECK(t.column_index("remanence_T") == 1);
  CHECK(std::get<double>(t.rows()[0][1]) == Catch::Detail::Approx(1.315));
  CHECK_THROWS_AS(t.column_index("remanence"), magmat::unknown_name_error);
}

TEST_CASE("Rows of the wrong size or kind are refused naming the column", "[table]") {
  table t = grades();
  CHECK_THROWS_AS(t.add_row({std::string("short"), 1.0}), magmat::domain_error);
  CHECK_THROWS_WITH(t.add_row({std::string("x"), std::string("1.3"), 1.0}), Catch::Contains("remanence_T"));
  CHECK_THROWS_WITH(t.add_row({2.0, 1.3, 1.0}), Catch::Contains("name"));
  CHECK(t.rows().size() == 2);
}

TEST_CASE("Columns with a repeated key or a unit that cannot be shown are refused", "[table]") {
  CHECK_THROWS_AS(table({{"a", "", "T", "", "", -1}, {"a", "", "T", "", "", -1}}), magmat::domain_error);
  CHECK_THROWS_AS(table({{"b", "", "T", "kA/m", "", -1}}), magmat::domain_error);
  CHECK_THROWS_AS(table({{"c", "", "T", "furlong", "", -1}}), magmat::parse_error);
  CHECK_THROWS_AS(table({{"d", "", "", "%", "", -1}}), magmat::domain_error);
  CHECK_THROWS_AS(table({{"", "", "T", "", "", -1}}), magmat::domain_error);
}
