// The embedded material files by folder, and the one reader of users' data files (data_files.hpp).
#include <magmat/data_files.hpp>

#include <magmat/errors.hpp>

#include "embedded_files.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace magmat {

std::vector<std::pair<std::string, std::string>> embedded_data_files(std::string_view folder) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& file : detail::embedded_files())
    if (file.path.starts_with(folder)) files.emplace_back(std::string(file.path), std::string(file.text));
  return files;
}

namespace {

std::string errno_text(int code) { return std::generic_category().message(code); }

// What a non-regular file is, for the message.
const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Closes the descriptor on every way out of read_data_file.
struct file_descriptor {
  int fd;
  ~file_descriptor() { ::close(fd); }
};

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 (RFC 3629, section 4).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = at(i);
  if (b < 0x80) return 1;
  std::size_t n;
  unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) n = 2;
  else if (b == 0xE0) n = 3, low = 0xA0;                 // no overlong 3-byte forms
  else if (b == 0xED) n = 3, high = 0x9F;                // no UTF-16 surrogates
  else if (b >= 0xE1 && b <= 0xEF) n = 3;
  else if (b == 0xF0) n = 4, low = 0x90;                 // no overlong 4-byte forms
  else if (b == 0xF4) n = 4, high = 0x8F;                // nothing past U+10FFFF
  else if (b >= 0xF1 && b <= 0xF3) n = 4;
  else return 0;                                         // 0x80-0xC1, 0xF5-0xFF
  if (i + n > text.size()) return 0;
  if (at(i + 1) < low || at(i + 1) > high) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
  return n;
}

} // namespace

void check_data_text(std::string_view text, std::string_view label) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0')
      throw data_error(fmt::format("{}: a NUL byte at byte offset {}: a data file is UTF-8 text without NUL "
                                   "(a UTF-16 file has one in every other byte)",
                                   label, i));
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      const auto b = static_cast<unsigned char>(text[i]);
      const bool utf16 = i == 0 && text.size() >= 2 && ((b == 0xFF && static_cast<unsigned char>(text[1]) == 0xFE) ||
                                                        (b == 0xFE && static_cast<unsigned char>(text[1]) == 0xFF));
      throw data_error(fmt::format("{}: not UTF-8 text: byte 0x{:02X} at byte offset {} {}; save the file as UTF-8",
                                   label, b, i,
                                   utf16 ? "is a UTF-16 byte order mark"
                                         : "does not start a valid UTF-8 sequence (Latin-1 or another 8-bit encoding?)"));
    }
    i += n;
  }
}

std::string read_data_file(const std::filesystem::path& path, std::string_view what, std::uintmax_t max_bytes) {
  const std::string& name = path.native();
  if (name.empty()) throw data_error(fmt::format("a {} path is empty", what));
  if (const auto nul = name.find('\0'); nul != std::string::npos)
    throw data_error(fmt::format("{}\\0{}: the {} path holds a NUL byte at position {}; a path cannot contain one",
                                 name.substr(0, nul), name.substr(nul + 1), what, nul));
  // stat first, so a FIFO or device is never opened (opening some devices has effects).
  struct stat info {};
  if (::stat(name.c_str(), &info) != 0)
    throw data_error(fmt::format("{}: cannot open the {} for reading: {}", name, what, errno_text(errno)));
  if (!S_ISREG(info.st_mode))
    throw data_error(fmt::format("{}: {}, not a regular file; a {} must be a regular file", name,
                                 file_kind(info.st_mode), what));
  // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open returns at once
  // instead of waiting for a writer; fstat below then refuses it.
  const int fd = ::open(name.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw data_error(fmt::format("{}: cannot open the {} for reading: {}", name, what, errno_text(errno)));
  const file_descriptor file{fd};
  if (::fstat(fd, &info) != 0)
    throw data_error(fmt::format("{}: cannot read the {}: {}", name, what, errno_text(errno)));
  if (!S_ISREG(info.st_mode))
    throw data_error(fmt::format("{}: {}, not a regular file; a {} must be a regular file", name,
                                 file_kind(info.st_mode), what));
  const auto too_large = [&](const std::string& size) {
    return data_error(fmt::format("{}: the {} is {}, more than the {} bytes a data file may have "
                                  "(magmat::max_data_file_bytes)",
                                  name, what, size, max_bytes));
  };
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes)
    throw too_large(fmt::format("{} bytes", static_cast<std::uintmax_t>(info.st_size)));

  // Read to the end, but never more than max_bytes + 1: the size may have changed since fstat.
  std::string text;
  char buffer[1 << 14];
  for (;;) {
    const std::uintmax_t room = max_bytes + 1 - text.size();
    const std::size_t want = room < sizeof buffer ? static_cast<std::size_t>(room) : sizeof buffer;
    const ssize_t got = ::read(fd, buffer, want);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw data_error(fmt::format("{}: read error in the {}: {}", name, what, errno_text(errno)));
    }
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > max_bytes)
      throw too_large(fmt::format("more than {} bytes (it grew while being read, or its size is not known "
                                  "beforehand)", max_bytes));
  }
  // A UTF-8 byte order mark carries no meaning in UTF-8; Windows editors write one.
  if (std::string_view(text).starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  check_data_text(text, name);
  return text;
}

} // namespace magmat
