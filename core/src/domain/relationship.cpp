#include "domain/relationship.hpp"

#include <array>
#include <utility>

#include "domain/validation.hpp"

namespace steward::domain {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kPairs = {{
    {"spouse", "spouse"},
    {"parent_of", "child_of"},
    {"employee_of", "employer_of"},
    {"member_of", "has_member"},
    {"sibling", "sibling"},
    {"other", "other"},
}};

}  // namespace

std::optional<std::string> reciprocal_type(std::string_view type) {
  for (const auto& [a, b] : kPairs) {
    if (type == a) return std::string(b);
    if (type == b) return std::string(a);
  }
  return std::nullopt;
}

Status validate(const RelationshipInput& in) {
  if (!reciprocal_type(in.type))
    return Status::invalid_field(
        "type", "'" + in.type +
                    "' is not a relationship type (spouse, parent_of, child_of, employee_of, "
                    "employer_of, member_of, has_member, sibling, other)");
  if (in.constituent_id == in.related_id)
    return Status::invalid_field("related_id", "a constituent cannot be related to itself");
  Status s =
      first_error({check_date("started_on", in.started_on), check_date("ended_on", in.ended_on),
                   check_text("notes", in.notes, 4000, true)});
  if (!s) return s;
  if (in.started_on && in.ended_on && *in.ended_on < *in.started_on)
    return Status::invalid_field("ended_on", "ends before it starts");
  return Status::ok();
}

}  // namespace steward::domain
