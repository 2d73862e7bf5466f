#include "text_signatures.hpp"

#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magmat::python {
namespace {

constexpr std::string_view signature_end = "\n--\n\n"; // CPython's marker after a text signature

// Bracket depth and quoted text of a signature, followed one character at a time.
struct nesting {
  int depth = 0;
  char quote = 0;
  // Takes the next character; true when it lies outside quotes and is no bracket or quote mark.
  bool take(char c) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      return false;
    }
    if (c == '\'' || c == '"') quote = c;
    else if (c == '(' || c == '[' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '}') --depth;
    else return true;
    return false;
  }
};

// Index of the bracket closing the one at `open`, skipping quoted text; npos when unbalanced.
std::size_t matching_close(std::string_view text, std::size_t open) {
  nesting n;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (!n.take(c) && n.quote == 0 && n.depth == 0 && (c == ')' || c == ']' || c == '}')) return i;
  }
  return std::string_view::npos;
}

// Splits at `separator` where it stands outside brackets and quotes.
std::vector<std::string_view> split_top_level(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> parts;
  nesting n;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (n.take(text[i]) && n.depth == 0 && text.compare(i, separator.size(), separator) == 0) {
      parts.push_back(text.substr(start, i - start));
      start = i + separator.size();
      i = start - 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// inspect reads defaults with ast.literal_eval; pybind11 writes repr(default), which for an
// object without a literal repr ("<... object at 0x...>") it could not read.
bool is_python_literal(std::string_view text) {
  try {
    py::module_::import("ast").attr("literal_eval")(py::str(text.data(), text.size()));
    return true;
  } catch (const py::error_already_set&) {
    return false;
  }
}

// "(a, b=1.0)" from a first docstring line "name(a: float, b: float = 1.0) -> float".
std::optional<std::string> text_signature(std::string_view name, std::string_view doc, bool drop_self) {
  const std::string_view first_line = doc.substr(0, doc.find('\n'));
  if (first_line.size() <= name.size() || first_line.substr(0, name.size()) != name ||
      first_line[name.size()] != '(')
    return std::nullopt;
  const std::size_t close = matching_close(first_line, name.size());
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view inside = first_line.substr(name.size() + 1, close - name.size() - 1);

  std::vector<std::string> parameters;
  if (!trimmed(inside).empty()) {
    for (std::string_view parameter : split_top_level(inside, ",")) {
      parameter = trimmed(parameter);
      const std::vector<std::string_view> name_and_default = split_top_level(parameter, " = ");
      const std::string_view declared = name_and_default.front();
      std::string text(trimmed(declared.substr(0, declared.find(':'))));
      if (name_and_default.size() > 1) {
        const std::string_view value = trimmed(name_and_default[1]);
        if (!is_python_literal(value)) return std::nullopt;
        text += "=";
        text += value;
      }
      parameters.push_back(std::move(text));
    }
  }
  if (drop_self && !parameters.empty() && parameters.front() == "self") {
    parameters.erase(parameters.begin());
    if (!parameters.empty() && parameters.front() == "/") parameters.erase(parameters.begin());
  }
  std::string out = "(";
  for (std::size_t i = 0; i < parameters.size(); ++i) out += (i == 0 ? "" : ", ") + parameters[i];
  return out + ")";
}

bool is_our_function(PyObject* object, std::string_view module_name) {
  if (object == nullptr || !PyCFunction_Check(object)) return false;
  auto* function = reinterpret_cast<PyCFunctionObject*>(object);
  if (function->m_ml == nullptr || function->m_ml->ml_doc == nullptr || function->m_module == nullptr)
    return false;
  if (!PyUnicode_Check(function->m_module)) return false;
  return PyUnicode_AsUTF8(function->m_module) == module_name;
}

// pybind11 owns ml_doc (strdup'ed, freed with std::free when the function goes away).
void prefix_function_docstring(PyObject* object) {
  auto* function = reinterpret_cast<PyCFunctionObject*>(object);
  const std::string_view name = function->m_ml->ml_name;
  const std::string_view doc = function->m_ml->ml_doc;
  if (doc.find(signature_end) != std::string_view::npos) return; // already has one
  const std::optional<std::string> signature = text_signature(name, doc, /*drop_self=*/false);
  if (!signature) return;
  const std::string text = std::string(name) + *signature + std::string(signature_end) + std::string(doc);
  char* old_doc = const_cast<char*>(function->m_ml->ml_doc);
  function->m_ml->ml_doc = strdup(text.c_str());
  std::free(old_doc);
}

// A class's own signature is read from its tp_doc (type.__text_signature__), so a class with a
// constructor gets "Name(a, b)\n--\n\n" there, made from its __init__ without self.
void prefix_class_docstring(PyTypeObject* type, std::string_view init_doc) {
  const char* dot = std::strrchr(type->tp_name, '.');
  const std::string_view name = dot != nullptr ? dot + 1 : type->tp_name;
  const std::string_view old_doc = type->tp_doc != nullptr ? type->tp_doc : "";
  if (old_doc.find(signature_end) != std::string_view::npos) return;
  const std::optional<std::string> signature = text_signature("__init__", init_doc, /*drop_self=*/true);
  if (!signature) return;
  const std::string text = std::string(name) + *signature + std::string(signature_end) + std::string(old_doc);
  // Allocated as pybind11 allocates tp_doc, since the type frees it so when it goes away.
#if PY_VERSION_HEX >= 0x030D0000
  char* doc = static_cast<char*>(PyMem_Malloc(text.size() + 1));
#else
  char* doc = static_cast<char*>(PyObject_Malloc(text.size() + 1));
#endif
  if (doc == nullptr) throw std::bad_alloc();
  std::memcpy(doc, text.c_str(), text.size() + 1);
  const char* previous = type->tp_doc;
  type->tp_doc = doc;
#if PY_VERSION_HEX >= 0x030D0000
  PyMem_Free(const_cast<char*>(previous));
#else
  PyObject_Free(const_cast<char*>(previous));
#endif
}

// The function inside a class attribute: a method (instancemethod), a static method, or a
// function stored directly.
PyObject* function_of(PyObject* attribute) {
  if (PyInstanceMethod_Check(attribute)) return PyInstanceMethod_GET_FUNCTION(attribute);
  if (PyObject_TypeCheck(attribute, &PyStaticMethod_Type)) {
    py::object inner = py::reinterpret_borrow<py::object>(attribute).attr("__func__");
    return inner.ptr(); // borrowed: the static method keeps its function alive
  }
  return attribute;
}

} // namespace

void expose_text_signatures(py::module_& m) {
  const std::string module_name = py::str(m.attr("__name__"));
  for (auto item : py::reinterpret_borrow<py::dict>(m.attr("__dict__"))) {
    PyObject* value = item.second.ptr();
    if (is_our_function(value, module_name)) {
      prefix_function_docstring(value);
      continue;
    }
    if (!PyType_Check(value)) continue;
    auto* type = reinterpret_cast<PyTypeObject*>(value);
    if (py::str(item.second.attr("__module__")).cast<std::string>() != module_name) continue;
    const py::dict members = item.second.attr("__dict__"); // a copy of the mappingproxy
    for (auto member : members) {
      PyObject* function = function_of(member.second.ptr());
      if (!is_our_function(function, module_name)) continue;
      prefix_function_docstring(function);
      if (py::str(member.first).cast<std::string>() == "__init__") {
        const std::string_view init_doc = reinterpret_cast<PyCFunctionObject*>(function)->m_ml->ml_doc;
        const std::size_t end = init_doc.find(signature_end);
        if (end == std::string_view::npos) continue; // __init__ had no readable signature
        prefix_class_docstring(type, init_doc.substr(end + signature_end.size())); // pybind11's own text
      }
    }
  }
}

} // namespace magmat::python
