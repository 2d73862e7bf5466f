// Decoding of a fuzzer's bytes into typed values, shared by the fuzz targets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace magmat_fuzz {

// Reads values off the front of the input; past its end every read yields zeros / "".
class byte_reader {
public:
  byte_reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }

  double raw_double() {
    unsigned char bytes[sizeof(double)] = {};
    for (auto& b : bytes) b = byte();
    double value;
    std::memcpy(&value, bytes, sizeof value);
    return value;
  }

  // A double that is usually plausible (so the physics behind the check is reached) and
  // sometimes any bit pattern (NaN, inf, subnormal, huge).
  double number(double typical_scale) {
    const std::uint8_t mode = byte();
    if (mode < 32) return raw_double();
    return typical_scale * (static_cast<double>(byte()) + static_cast<double>(byte()) / 256.0) / 128.0;
  }

  // Text up to the next '\n' (not included) or the end of the input.
  std::string_view line() {
    const std::size_t start = pos_;
    while (pos_ < size_ && data_[pos_] != '\n') ++pos_;
    const std::string_view text(reinterpret_cast<const char*>(data_) + start, pos_ - start);
    if (pos_ < size_) ++pos_;
    return text;
  }

  std::string_view rest() {
    const std::string_view text(reinterpret_cast<const char*>(data_) + pos_, size_ - pos_);
    pos_ = size_;
    return text;
  }

  bool empty() const { return pos_ >= size_; }

private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

// Stops the run loudly: libFuzzer reports the abort with the input that caused it.
[[noreturn]] inline void property_violated(const char* what) {
  std::fprintf(stderr, "property violated: %s\n", what);
  std::fflush(stderr);
  __builtin_trap();
}

} // namespace magmat_fuzz
