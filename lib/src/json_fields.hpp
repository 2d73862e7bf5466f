// Reading typed fields out of material JSON documents, with errors that name the file, the
// JSON pointer and the reason (private to the compiled library).
#pragma once

#include <magmat/data_files.hpp>
#include <magmat/errors.hpp>
#include <magmat/unit_conversion.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace magmat::detail {

using json = nlohmann::json;

/// A position inside one document: the file name and the JSON pointer to the current node.
class json_cursor {
public:
  json_cursor(std::string file, const json& node, std::string pointer = "")
      : file_(std::move(file)), node_(&node), pointer_(std::move(pointer)) {}

  const json& node() const { return *node_; }
  const std::string& pointer() const { return pointer_; }
  const std::string& file() const { return file_; }

  [[noreturn]] void fail(std::string_view reason) const {
    throw data_error(file_ + ": " + (pointer_.empty() ? std::string("/") : pointer_) + ": " +
                     std::string(reason));
  }

  bool has(std::string_view key) const { return node_->is_object() && node_->contains(key); }

  json_cursor at(std::string_view key) const {
    if (!node_->is_object()) fail("expected an object");
    auto it = node_->find(key);
    if (it == node_->end()) {
      json_cursor missing(file_, *node_, pointer_ + "/" + std::string(key));
      missing.fail("required field is missing");
    }
    return json_cursor(file_, *it, pointer_ + "/" + std::string(key));
  }

  json_cursor at(std::size_t index) const {
    return json_cursor(file_, node_->at(index), pointer_ + "/" + std::to_string(index));
  }

  std::string string() const {
    if (!node_->is_string()) fail("expected a string");
    return node_->get<std::string>();
  }

  double number() const {
    if (!node_->is_number()) fail("expected a number");
    const double value = node_->get<double>();
    if (!std::isfinite(value)) fail("expected a finite number");
    return value;
  }

  /// A {"value": v, "unit": "u"} object converted to `si_unit` through the units layer;
  /// a unit of another dimension is reported with both units named.
  double quantity(std::string_view si_unit) const {
    const double value = at("value").number();
    const std::string unit = at("unit").string();
    try {
      return convert(value, unit, si_unit);
    } catch (const error& e) {
      at("unit").fail(e.what());
    }
  }

private:
  std::string file_;
  const json* node_;
  std::string pointer_;
};

/// The deepest nesting a data file may have. The schemas need 6 levels; anything far deeper is
/// not a data file, and the library's own walks over a document (dump()) recurse per level, so a
/// file of 200,000 nested brackets would exhaust the stack.
inline constexpr int max_json_depth = 64;

/// Parses JSON text, turning a syntax error into a data_error naming the file and byte offset.
/// Refuses, as data_error naming where: text that is not UTF-8 (check_data_text; a Python caller
/// of from_json can pass bytes, and the parser's message would quote the bad bytes), nesting
/// deeper than max_json_depth and a key repeated in one object (which JSON leaves undefined and
/// the parser would resolve silently, last one wins).
inline json parse_json(std::string_view text, const std::string& file) {
  std::vector<std::vector<std::string>> keys; // the keys seen in each open object
  std::vector<bool> is_object;                // per open container
  const json::parser_callback_t check = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth > max_json_depth)
      throw data_error(file + ": nested deeper than " + std::to_string(max_json_depth) + " levels");
    switch (event) {
    case json::parse_event_t::object_start:
      is_object.push_back(true);
      keys.emplace_back();
      break;
    case json::parse_event_t::array_start:
      is_object.push_back(false);
      break;
    case json::parse_event_t::object_end:
      if (!is_object.empty()) is_object.pop_back();
      if (!keys.empty()) keys.pop_back();
      break;
    case json::parse_event_t::array_end:
      if (!is_object.empty()) is_object.pop_back();
      break;
    case json::parse_event_t::key: {
      const std::string key = parsed.get<std::string>();
      auto& seen = keys.back();
      if (std::find(seen.begin(), seen.end(), key) != seen.end())
        throw data_error(file + ": key \"" + key + "\" appears twice in one object (at depth " +
                         std::to_string(depth) + ")");
      seen.push_back(key);
      break;
    }
    case json::parse_event_t::value:
      break;
    }
    return true;
  };
  check_data_text(text, file);
  try {
    return json::parse(text.begin(), text.end(), check);
  } catch (const json::parse_error& e) {
    throw data_error(file + ": not valid JSON at byte " + std::to_string(e.byte) + ": " + e.what());
  } catch (const json::exception& e) {
    // A number beyond double's range ("1e999") is out_of_range, not a parse_error; it escaped
    // as a foreign exception (found by fuzz_catalog). Any other parser failure is bad JSON too.
    throw data_error(file + ": not valid JSON: " + e.what());
  }
}

} // namespace magmat::detail
