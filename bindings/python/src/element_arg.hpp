// An element argument from Python: a magmat.Element or its symbol as a str.
#pragma once

#include "pybind.hpp"

#include <magmat/elements.hpp>

#include <string>
#include <variant>

namespace magmat::python {

/// What the bindings accept wherever an element is expected: Element.Nd or "Nd".
using element_arg = std::variant<Element, std::string>;

/// The element named by `arg`; an unknown symbol throws magmat::unknown_name_error
/// (Python: magmat.UnknownNameError, a KeyError).
inline Element to_element(const element_arg& arg) {
  if (const auto* e = std::get_if<Element>(&arg)) {
    element_info(*e);  // rejects an Element made from an int outside 1..92
    return *e;
  }
  return element_from_symbol(std::get<std::string>(arg));
}

} // namespace magmat::python
