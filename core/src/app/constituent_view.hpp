// Everything `steward constituents show` prints about one constituent, read in one unit.
#pragma once

#include <optional>
#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/constituent.hpp"
#include "domain/contact.hpp"
#include "store/database.hpp"
#include "store/household_repository.hpp"
#include "store/relationship_repository.hpp"
#include "store/tag_repository.hpp"

namespace steward::app {

struct ConstituentView {
  domain::Constituent constituent;
  std::vector<domain::Email> emails;
  std::vector<domain::Phone> phones;
  std::vector<domain::Address> addresses;
  std::vector<store::tags::Tag> tags;
  std::optional<store::households::Membership> household;  // the person's current household
  std::vector<store::households::Membership> members;      // a household's current members
  std::vector<store::relationships::Relationship> relationships;
};

// Reads the view (deleted constituents too, marked as such). Errors: kNotFound.
Result<ConstituentView> load_view(store::Unit& unit, long long id);
nlohmann::json view_json(const ConstituentView& view);
void print_view(std::ostream& out, const ConstituentView& view);

}  // namespace steward::app
