// The material data files compiled into the library (materials/ at build time), for callers that
// read a kind of file the library itself does not interpret (the validation figures).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace magmat {

/// Every embedded file whose path (relative to materials/) starts with `folder`, e.g.
/// "validation/", as (path, text), sorted by path.
std::vector<std::pair<std::string, std::string>> embedded_data_files(std::string_view folder);

} // namespace magmat
