// Fuzzes the grade and price file loaders end to end, from a file on disk through
// magmat::read_data_file (the one reader of users' files) to Catalog::load / load_price_table,
// with structure-aware mutations: a custom mutator wraps the bytes into a valid grades or
// price-table skeleton and inserts deep nesting, duplicate keys, huge numbers and bytes that are
// not UTF-8, so the checks behind the JSON syntax are reached. Whatever the file, the loader
// gives a result or a magmat::error; what it accepts has finite, non-negative prices and grades
// with finite Br and HcJ. fuzz_catalog and fuzz_data_files fuzz the text parsers without a file.
#include <magmat/catalog.hpp>
#include <magmat/data_files.hpp>
#include <magmat/errors.hpp>
#include <magmat/prices.hpp>

#include "fuzz_input.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <random>
#include <string>
#include <string_view>

using magmat_fuzz::property_violated;

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

// The input: byte 0 picks the loader (even: grades, odd: prices) and, in bit 1, whether the rest
// is the whole file (0) or one entry put into the loader's skeleton (1).
constexpr std::string_view grades_head = R"({"schema": "magmat-grades/1", "family": "ndfeb_sintered", "grades": [)";
constexpr std::string_view grades_tail = "]}";
constexpr std::string_view prices_head =
    R"({"name": "fuzz", "description": "d", "currency": "USD", "date": "2019", "basis": "b", "prices": {)";
constexpr std::string_view prices_tail = "}}";

std::string file_text(const std::uint8_t* data, std::size_t size, bool& grades) {
  magmat_fuzz::byte_reader in(data, size);
  const std::uint8_t mode = in.byte();
  grades = (mode & 1) == 0;
  const std::string_view body = in.rest();
  if ((mode & 2) == 0) return std::string(body);
  return grades ? std::string(grades_head).append(body).append(grades_tail)
                : std::string(prices_head).append(body).append(prices_tail);
}

// One scratch file per process, rewritten for each input and removed when the run ends.
struct scratch_file {
  std::string path = "/tmp/magmat_fuzz_loaders_XXXXXX";
  scratch_file() {
    const int fd = ::mkstemp(path.data());
    if (fd < 0) property_violated("cannot create the scratch file");
    ::close(fd);
  }
  ~scratch_file() { ::unlink(path.c_str()); }
};

const std::string& scratch_path() {
  static const scratch_file file;
  return file.path;
}

// Structural edits of the text after byte 0; each keeps the result within max_size.
std::string mutate_structure(std::string text, std::mt19937& rng) {
  const auto pick = [&](std::size_t n) { return n == 0 ? std::size_t{0} : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  const std::size_t at = pick(text.size() + 1);
  switch (pick(6)) {
  case 0: { // deep nesting, below or above the 64-level cap
    const std::size_t depth = 1 + pick(200);
    const bool objects = pick(2) == 0;
    std::string nest;
    for (std::size_t i = 0; i < depth; ++i) nest += objects ? "{\"a\": " : "[";
    nest += "1";
    for (std::size_t i = 0; i < depth; ++i) nest += objects ? "}" : "]";
    text.insert(at, nest);
    break;
  }
  case 1: { // a key repeated: copy a "key": up to the next ',' or '}' right after itself
    const std::size_t quote = text.find('"', at);
    if (quote == std::string::npos) break;
    const std::size_t colon = text.find(':', quote);
    if (colon == std::string::npos) break;
    std::size_t end = text.find_first_of(",}", colon);
    if (end == std::string::npos) end = text.size();
    text.insert(end, ", " + text.substr(quote, end - quote));
    break;
  }
  case 2: { // a huge, tiny or overlong number in place of one
    static constexpr const char* numbers[] = {"1e999", "-1e400", "1e-400", "1.7976931348623157e308", "4.9e-324",
                                              "123456789012345678901234567890", "-0", "1e308", "NaN", "Infinity"};
    const std::size_t digit = text.find_first_of("0123456789", at);
    if (digit == std::string::npos) break;
    std::size_t end = text.find_first_not_of("0123456789.eE+-", digit);
    if (end == std::string::npos) end = text.size();
    text.replace(digit, end - digit, numbers[pick(std::size(numbers))]);
    break;
  }
  case 3: { // bytes that are not UTF-8, or a BOM
    static constexpr std::string_view bytes[] = {"\xE9", "\xFF\xFE", "\xEF\xBB\xBF", "\xED\xA0\x80", "\xC0\xAF",
                                                 std::string_view("\0", 1)};
    text.insert(at, bytes[pick(std::size(bytes))]);
    break;
  }
  case 4: // an entry duplicated (a grade or price given twice)
    if (const std::size_t open = text.find('{', at); open != std::string::npos) {
      const std::size_t close = text.find('}', open);
      if (close != std::string::npos) text.insert(close + 1, ", " + text.substr(open, close - open + 1));
    }
    break;
  default: // truncation
    text.resize(at);
    break;
  }
  return text;
}

} // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  std::mt19937 rng(seed);
  if (size == 0 || rng() % 3 == 0) return LLVMFuzzerMutate(data, size, max_size); // byte-level
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  text = mutate_structure(std::move(text), rng);
  if (rng() % 8 == 0) data[0] ^= static_cast<std::uint8_t>(1u << (rng() % 2)); // other loader or wrapping
  const std::size_t n = std::min(text.size(), max_size - 1);
  std::memcpy(data + 1, text.data(), n);
  return n + 1;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bool grades = true;
  const std::string text = file_text(data, size, grades);
  const std::string& path = scratch_path();
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
    if (std::fwrite(text.data(), 1, text.size(), f) != text.size()) property_violated("cannot write the scratch file");
    std::fclose(f);
  } else {
    property_violated("cannot open the scratch file");
  }
  try {
    if (grades) {
      const auto catalog = magmat::Catalog::load(path);
      for (const auto& name : catalog.names()) {
        const auto p = catalog.grade(name).properties(magmat::from_celsius(20.0));
        if (!(std::isfinite(p.remanence.value()) && std::isfinite(p.intrinsic_coercivity.value())))
          property_violated("a loaded grade has non-finite properties at 20 degC");
      }
    } else {
      const auto table = magmat::load_price_table(path);
      for (const auto& [element, price] : table.price_per_kg)
        if (!(price >= 0.0 && std::isfinite(price))) property_violated("a loaded price is negative or not finite");
    }
  } catch (const magmat::error&) {
  }
  return 0;
}
