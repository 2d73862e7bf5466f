// Vocabulary shared by the material-data loaders: phase families and confidence tags (private).
#pragma once

#include <magmat/phases.hpp>

#include "json_fields.hpp"

namespace magmat::detail {

/// "r2fe14b", "smco5", "sm2co17" or "hexaferrite"; anything else fails at the field.
inline phase_family phase_family_from(const json_cursor& field) {
  for (phase_family f : {phase_family::r2fe14b, phase_family::smco5, phase_family::sm2co17,
                         phase_family::hexaferrite}) {
    if (field.string() == to_string(f)) return f;
  }
  field.fail("unknown family '" + field.string() + "' (expected r2fe14b, smco5, sm2co17 or hexaferrite)");
}

/// "C", "D" or "U" (brief §0); anything else fails at the field.
inline confidence confidence_from(const json_cursor& field) {
  const std::string tag = field.string();
  if (tag == "C") return confidence::confirmed;
  if (tag == "D") return confidence::derived;
  if (tag == "U") return confidence::unconfirmed;
  field.fail("confidence must be \"C\", \"D\" or \"U\", got \"" + tag + "\"");
}

} // namespace magmat::detail
