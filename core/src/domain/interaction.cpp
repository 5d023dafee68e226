#include "domain/interaction.hpp"

#include "domain/date.hpp"
#include "domain/validation.hpp"

namespace steward::domain {
namespace {

bool interaction_digits(const std::string& s, std::size_t from, std::size_t n) {
  for (std::size_t i = from; i < from + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

Status validate(InteractionInput& in) {
  if (in.constituent_id <= 0) return Status::invalid_field("constituent_id", "is required");
  Status s = first_error(
      {require_one_of("kind", in.kind, {"call", "meeting", "email", "letter", "visit", "note"}),
       require_text("summary", in.summary, 500), check_text("staff", in.staff, 100),
       check_text("details", in.details, 20000, true)});
  if (!s) return s;
  const std::string& t = in.occurred_at;
  const std::string why = "must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ";
  if (t.size() < 10 || !Date::parse(t.substr(0, 10), "occurred_at"))
    return Status::invalid_field("occurred_at", why);
  if (t.size() == 10) {
    in.occurred_at = t + "T00:00:00Z";
    return Status::ok();
  }
  bool ok = t.size() == 20 && t[10] == 'T' && interaction_digits(t, 11, 2) && t[13] == ':' &&
            interaction_digits(t, 14, 2) && t[16] == ':' && interaction_digits(t, 17, 2) &&
            t[19] == 'Z' && std::stoi(t.substr(11, 2)) < 24 && std::stoi(t.substr(14, 2)) < 60 &&
            std::stoi(t.substr(17, 2)) < 60;
  if (!ok) return Status::invalid_field("occurred_at", why);
  return Status::ok();
}

}  // namespace steward::domain
