// Tests of data_files.hpp: the one reader of users' data files refuses what is not a regular
// UTF-8 file of bounded size, and every loader goes through it (issue [12], items 4 and 5).
#include <catch2/catch.hpp>

#include <magmat/catalog.hpp>
#include <magmat/data_files.hpp>
#include <magmat/errors.hpp>
#include <magmat/prices.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

using magmat::data_error;
using magmat::read_data_file;

namespace {

const std::string grades_dir = MAGMAT_TEST_DATA_DIR "/grades/";

// A scratch folder of its own, removed at the end of the test.
struct scratch_dir {
  std::filesystem::path path;
  scratch_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "magmat_files_XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~scratch_dir() { std::filesystem::remove_all(path); }
  std::filesystem::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return path / name;
  }
};

const std::string valid_grades = [] {
  std::ifstream in(grades_dir + "valid_user_grades.json", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}();

} // namespace

TEST_CASE("a FIFO is refused at once, not read until a writer comes", "[data_files]") {
  const scratch_dir dir;
  const auto fifo = dir.path / "grades.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Run on another thread so a regression (a blocking open) fails the test instead of hanging it.
  auto loading = std::async(std::launch::async, [&] {
    try {
      (void)magmat::Catalog::load(fifo);
    } catch (const data_error& e) {
      return std::string(e.what());
    }
    return std::string("loaded");
  });
  if (loading.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    // Unblock the reader (open for writing, then close: it sees end of file) before failing.
    std::ofstream{fifo};
    FAIL("Catalog::load of a FIFO blocked");
  }
  const std::string message = loading.get();
  CHECK_THAT(message, Catch::Contains("grades.fifo") && Catch::Contains("FIFO") && Catch::Contains("regular file"));
}

TEST_CASE("devices and directories are refused before reading", "[data_files]") {
  // /dev/zero never ends: reading it filled the memory before.
  CHECK_THROWS_WITH(magmat::Catalog::load("/dev/zero"),
                    Catch::Contains("/dev/zero") && Catch::Contains("character device"));
  CHECK_THROWS_WITH(magmat::load_price_table("/dev/zero"),
                    Catch::Contains("/dev/zero") && Catch::Contains("price table must be a regular file"));
  CHECK_THROWS_WITH(magmat::Catalog::load(grades_dir), Catch::Contains("a directory"));
  CHECK_THROWS_WITH(magmat::Catalog::builtin().extend(std::filesystem::path("/dev/null")),
                    Catch::Contains("/dev/null") && Catch::Contains("character device"));
}

TEST_CASE("a missing file names the path and the reason", "[data_files]") {
  CHECK_THROWS_WITH(read_data_file("/nonexistent/x.json", "grade file"),
                    Catch::Contains("/nonexistent/x.json") && Catch::Contains("cannot open") &&
                        Catch::Contains("No such file"));
  CHECK_THROWS_WITH(read_data_file("", "grade file"), Catch::Contains("path is empty"));
}

TEST_CASE("a path with an embedded NUL is refused, not cut short", "[data_files]") {
  // Before, the C library opened "valid_user_grades.json" and the rest was ignored.
  const std::string path = grades_dir + "valid_user_grades.json" + std::string(1, '\0') + "zzz";
  CHECK_THROWS_AS(magmat::Catalog::load(path), data_error);
  CHECK_THROWS_WITH(magmat::Catalog::load(path), Catch::Contains("NUL byte") && Catch::Contains("\\0zzz"));
  CHECK_THROWS_WITH(magmat::load_price_table(path), Catch::Contains("NUL byte"));
}

TEST_CASE("the size cap: by the file's size and while reading", "[data_files]") {
  const scratch_dir dir;
  const auto big = dir.write("big.json", std::string(200, ' '));
  CHECK(read_data_file(big, "grade file", 200).size() == 200);
  CHECK_THROWS_WITH(read_data_file(big, "grade file", 199),
                    Catch::Contains("big.json") && Catch::Contains("200 bytes") && Catch::Contains("199 bytes"));
  // A sparse file one byte past the real cap costs no disk space and is refused by its size.
  const auto huge = dir.path / "huge.json";
  { std::ofstream{huge}; }
  std::filesystem::resize_file(huge, magmat::max_data_file_bytes + 1);
  CHECK_THROWS_WITH(magmat::Catalog::load(huge), Catch::Contains("67108865 bytes") && Catch::Contains("67108864"));
  // /proc files are regular but report size 0: the read loop itself must stop past the cap.
  if (std::filesystem::exists("/proc/self/status")) {
    CHECK_THROWS_WITH(read_data_file("/proc/self/status", "grade file", 16),
                      Catch::Contains("more than 16 bytes") && Catch::Contains("grew while being read"));
    CHECK_FALSE(read_data_file("/proc/self/status", "grade file").empty());
  }
}

TEST_CASE("text that is not UTF-8 names the file and the byte offset", "[data_files]") {
  const scratch_dir dir;
  // "é" in Latin-1 is the lone byte 0xE9, at offset 7 here.
  const auto latin1 = dir.write("latin1.json", "{\"a\": \"\xE9t\xE9\"}");
  CHECK_THROWS_WITH(magmat::Catalog::load(latin1), Catch::Contains("latin1.json") && Catch::Contains("0xE9") &&
                                                       Catch::Contains("byte offset 7") && Catch::Contains("Latin-1"));
  // UTF-16 with its byte order mark (little-endian), and without one: NUL in every other byte.
  const auto utf16 = dir.write("utf16.json", std::string("\xFF\xFE{\0}\0", 6));
  CHECK_THROWS_WITH(magmat::load_price_table(utf16),
                    Catch::Contains("utf16.json") && Catch::Contains("UTF-16 byte order mark") &&
                        Catch::Contains("byte offset 0"));
  const auto utf16_bare = dir.write("utf16be.json", std::string("\0{\0}", 4));
  CHECK_THROWS_WITH(magmat::Catalog::load(utf16_bare), Catch::Contains("NUL byte at byte offset 0"));
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
  for (const std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"})
    CHECK_THROWS_WITH(magmat::check_data_text("ok " + bad, "t.json"), Catch::Contains("byte offset 3"));
  CHECK_NOTHROW(magmat::check_data_text("\xC3\xA9 \xE2\x82\xAC \xF0\x9F\xA7\xB2 \xED\x9F\xBF \xF4\x8F\xBF\xBF", "t.json"));
  // Catalog::from_json checks the same (a Python caller can pass bytes).
  CHECK_THROWS_WITH(magmat::Catalog::from_json("{\"a\": \"\xE9\"}", "mine"), Catch::Contains("mine: not UTF-8"));
}

TEST_CASE("a UTF-8 byte order mark is accepted and removed", "[data_files]") {
  const scratch_dir dir;
  const auto with_bom = dir.write("bom.json", "\xEF\xBB\xBF" + valid_grades);
  CHECK(read_data_file(with_bom, "grade file") == valid_grades);
  CHECK(magmat::Catalog::load(with_bom).names() == magmat::Catalog::load(grades_dir + "valid_user_grades.json").names());
}

TEST_CASE("a file name that is not UTF-8 loads", "[data_files]") {
  const scratch_dir dir;
  const auto odd = dir.write("gr\xE9\xFF.json", valid_grades); // Linux names are bytes
  CHECK(magmat::Catalog::load(odd).size() == 2);
}
