// The embedded material files by folder (data_files.hpp).
#include <magmat/data_files.hpp>

#include "embedded_files.hpp"

namespace magmat {

std::vector<std::pair<std::string, std::string>> embedded_data_files(std::string_view folder) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& file : detail::embedded_files())
    if (file.path.starts_with(folder)) files.emplace_back(std::string(file.path), std::string(file.text));
  return files;
}

} // namespace magmat
