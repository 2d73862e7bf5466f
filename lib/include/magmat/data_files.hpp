// Data files: the ones compiled into the library (materials/ at build time), for callers that read
// a kind of file the library itself does not interpret (the validation figures), and the one
// reader every loader of a user's file goes through (Catalog::load, load_price_table, Python's
// validation_report).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace magmat {

/// Every embedded file whose path (relative to materials/) starts with `folder`, e.g.
/// "validation/", as (path, text), sorted by path.
std::vector<std::pair<std::string, std::string>> embedded_data_files(std::string_view folder);

/// The largest data file read_data_file accepts: 64 MiB. The largest shipped file is 63 kB
/// (materials/grades/ndfeb_sintered.json) and a catalog of every commercial grade would be a few
/// MB, so anything near the cap is not a data file; the cap keeps a wrong path (a log, a disk
/// image) from filling the memory.
inline constexpr std::uintmax_t max_data_file_bytes = std::uintmax_t{64} << 20;

/// The text of a user's data file. Refuses, as data_error naming the path: a path that is empty
/// or holds a NUL byte (the C library would open the part before it); anything but a regular
/// file (a directory, FIFO, socket or device such as /dev/zero), checked before and again after
/// opening without blocking; a file larger than `max_bytes`, by its size and again while reading
/// (a file that grows, or one like /proc's that reports size 0, stops at max_bytes + 1 bytes);
/// text that is not UTF-8 (see check_data_text). A UTF-8 byte order mark is accepted and
/// removed. `what` names the kind of file in messages ("grade file", "price table").
std::string read_data_file(const std::filesystem::path& path, std::string_view what,
                           std::uintmax_t max_bytes = max_data_file_bytes);

/// Refuses, as data_error naming `label` and the byte offset, text that is not well-formed
/// UTF-8 (a Latin-1 or UTF-16 file, overlong forms, surrogates, code points past U+10FFFF) or
/// that holds a NUL byte (never part of JSON text; a sign of UTF-16 without byte order mark).
void check_data_text(std::string_view text, std::string_view label);

} // namespace magmat
