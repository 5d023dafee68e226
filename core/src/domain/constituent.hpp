// A constituent: a person (individual), a household or an organization that gives, volunteers
// or is otherwise in relationship with the ministry. The display name is what letters and
// lists show; when it is left empty it is computed from the names (see computed_display_name).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::domain {

inline constexpr std::string_view kIndividual = "individual";
inline constexpr std::string_view kHousehold = "household";
inline constexpr std::string_view kOrganization = "organization";

// What a person types to create or change a constituent.
struct ConstituentInput {
  std::string kind = "individual";  // individual | household | organization
  std::optional<std::string> first_name;
  std::optional<std::string> middle_name;
  std::optional<std::string> last_name;  // family name; households use it for their name
  std::optional<std::string> preferred_name;
  std::optional<std::string> organization_name;
  std::optional<std::string> display_name;       // empty = computed from the names
  std::optional<std::string> salutation;         // "Dear Young-hee"
  std::optional<std::string> addressee;          // "Mr. and Mrs. Kim"
  std::optional<std::string> organization_type;  // church | foundation | business | other
  bool restricted = false;            // visible only to users allowed to see restricted records
  std::optional<std::string> source;  // how the donor came to us ("gala 2024")
  bool do_not_email = false;
  bool do_not_mail = false;
  bool do_not_call = false;
  bool do_not_solicit = false;
  bool anonymous_giver = false;
  std::optional<std::string> notes;
  std::string custom_fields = "{}";  // a JSON object
};

struct Constituent : ConstituentInput {
  long long id = 0;
  std::string sort_name;  // "Kim, Young-hee"; lists are ordered by it
  long long version = 1;
  std::optional<long long> merged_into_id;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> deleted_at;  // set when soft-deleted

  // The stored display name (always filled on a read constituent).
  const std::string& name() const { return *display_name; }
  bool deleted() const { return deleted_at.has_value(); }
};

// Checks a constituent before it is written; the error names the field at fault.
// Individuals need last_name, organizations organization_name, households last_name or
// display_name.
Status validate(const ConstituentInput& input);

// True when the text contains Hangul (syllables or jamo).
bool contains_hangul(std::string_view text);

// The name shown when display_name is empty:
//   individual: "First Last" (Hangul: family name first without a space, "김영희")
//   organization: the organization name
//   household: "The Kim Household" (Hangul: "김씨 가정")
std::string computed_display_name(const ConstituentInput& input);

// The key lists sort by: "Last, First" for individuals (Hangul: "김영희"), the name otherwise.
std::string computed_sort_name(const ConstituentInput& input);

// The name a household gets from a family name: "The Kim Household" / "김씨 가정".
std::string household_name_for(const std::string& last_name);

}  // namespace steward::domain
