#include "http/handlers/nested_errors.hpp"

#include <vector>

namespace steward::http {

Status under_field(const Status& s, const std::string& parent) {
  if (s.code() != StatusCode::kInvalid) return s;
  std::vector<FieldError> fields;
  for (const FieldError& f : s.fields()) {
    const bool named = f.field == parent || f.field.rfind(parent + ".", 0) == 0;
    fields.push_back({named ? f.field : parent + "." + f.field, f.message});
  }
  if (fields.empty()) fields.push_back({parent, s.message()});
  std::string message = fields.front().field + ": " + fields.front().message;
  return Status::invalid(message, fields);
}

}  // namespace steward::http
