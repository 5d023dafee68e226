#include "domain/constituent.hpp"

#include <nlohmann/json.hpp>

#include "domain/validation.hpp"

namespace steward::domain {
namespace {

std::string constituent_trimmed(const std::optional<std::string>& value) {
  if (!value) return {};
  const std::string& s = *value;
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

bool constituent_blank(const std::optional<std::string>& value) {
  return constituent_trimmed(value).empty();
}

}  // namespace

bool contains_hangul(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
    if (len == 3 && i + 2 < text.size()) {
      unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                    (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
      if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
          (cp >= 0x3130 && cp <= 0x318F))
        return true;
    }
    i += len;
  }
  return false;
}

std::string household_name_for(const std::string& last_name) {
  if (contains_hangul(last_name)) return last_name + "씨 가정";
  return "The " + last_name + " Household";
}

std::string computed_display_name(const ConstituentInput& in) {
  if (!constituent_blank(in.display_name)) return constituent_trimmed(in.display_name);
  std::string first = constituent_trimmed(in.first_name);
  std::string last = constituent_trimmed(in.last_name);
  if (in.kind == kOrganization) return constituent_trimmed(in.organization_name);
  if (in.kind == kHousehold) return last.empty() ? std::string() : household_name_for(last);
  if (contains_hangul(first) || contains_hangul(last)) return last + first;
  if (first.empty()) return last;
  if (last.empty()) return first;
  return first + " " + last;
}

std::string computed_sort_name(const ConstituentInput& in) {
  if (in.kind == kIndividual) {
    std::string first = constituent_trimmed(in.first_name);
    std::string last = constituent_trimmed(in.last_name);
    if (contains_hangul(first) || contains_hangul(last)) return last + first;
    if (first.empty()) return last;
    return last + ", " + first;
  }
  return computed_display_name(in);
}

Status validate(const ConstituentInput& in) {
  Status s = require_one_of("kind", in.kind, {kIndividual, kHousehold, kOrganization});
  if (!s) return s;
  s = first_error({check_text("first_name", in.first_name),
                   check_text("middle_name", in.middle_name), check_text("last_name", in.last_name),
                   check_text("preferred_name", in.preferred_name),
                   check_text("organization_name", in.organization_name),
                   check_text("display_name", in.display_name),
                   check_text("salutation", in.salutation), check_text("addressee", in.addressee),
                   check_text("source", in.source), check_text("notes", in.notes, 20000, true)});
  if (!s) return s;
  if (in.kind == kIndividual && constituent_blank(in.last_name))
    return Status::invalid_field("last_name", "an individual needs a last name");
  if (in.kind == kOrganization && constituent_blank(in.organization_name))
    return Status::invalid_field("organization_name", "an organization needs a name");
  if (in.kind == kHousehold && constituent_blank(in.last_name) &&
      constituent_blank(in.display_name))
    return Status::invalid_field("display_name", "a household needs a name or a last name");
  if (in.organization_type) {
    if (in.kind != kOrganization)
      return Status::invalid_field("organization_type", "only organizations have a type");
    s = require_one_of("organization_type", *in.organization_type,
                       {"church", "foundation", "business", "other"});
    if (!s) return s;
  }
  nlohmann::json custom = nlohmann::json::parse(in.custom_fields, nullptr, false);
  if (custom.is_discarded() || !custom.is_object())
    return Status::invalid_field("custom_fields", "must be a JSON object");
  return Status::ok();
}

}  // namespace steward::domain
