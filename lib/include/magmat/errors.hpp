// The exception types of magmat: one root, a few kinds, each mapped to a Python class.
#pragma once

#include <stdexcept>
#include <string>

namespace magmat {

/// Root of every exception magmat throws. Messages name the offending value, its unit and
/// the accepted range or form, so the caller can tell what was wrong and where.
class error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Text that cannot be read: a chemical formula, a unit string, a data file.
/// Python: magmat.ParseError (a ValueError).
class parse_error : public error {
public:
  using error::error;
};

/// A value outside the domain where the quantity or model is defined: a negative amount,
/// NaN, a temperature above the Curie point, incompatible units. Python: magmat.DomainError
/// (a ValueError).
class domain_error : public error {
public:
  using error::error;
};

/// A material data record or file that breaks the schema or basic physics.
/// Python: magmat.DataError (a ValueError).
class data_error : public error {
public:
  using error::error;
};

/// A name that is not known: an element symbol, a grade, a phase, a process.
/// Python: magmat.UnknownNameError (a KeyError).
class unknown_name_error : public error {
public:
  using error::error;
};

/// A well-posed request that no solution satisfies (e.g. a coercivity no amount of
/// Dy can reach). Python: magmat.InfeasibleError (a ValueError).
class infeasible_error : public error {
public:
  using error::error;
};

} // namespace magmat
