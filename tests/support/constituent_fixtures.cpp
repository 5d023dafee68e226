#include "support/constituent_fixtures.hpp"

#include <gtest/gtest.h>

#include "store/constituent_repository.hpp"
#include "store/household_repository.hpp"

namespace steward::testing {
namespace {

domain::Constituent create(store::Database& db, const store::Actor& actor,
                           const domain::ConstituentInput& in) {
  auto made = db.write(actor, [&](store::Unit& u) { return store::constituents::create(u, in); });
  if (!made) {
    ADD_FAILURE() << "creating a constituent: " << made.status().to_string();
    return {};
  }
  return *made;
}

}  // namespace

domain::Constituent make_individual(store::Database& db, const store::Actor& actor,
                                    const std::string& first, const std::string& last) {
  domain::ConstituentInput in;
  in.kind = "individual";
  in.first_name = first;
  in.last_name = last;
  return create(db, actor, in);
}

domain::Constituent make_organization(store::Database& db, const store::Actor& actor,
                                      const std::string& name,
                                      const std::string& organization_type) {
  domain::ConstituentInput in;
  in.kind = "organization";
  in.organization_name = name;
  in.organization_type = organization_type;
  return create(db, actor, in);
}

domain::Constituent make_household(store::Database& db, const store::Actor& actor,
                                   const std::vector<long long>& member_ids,
                                   const std::string& name) {
  store::households::HouseholdInput in;
  in.member_ids = member_ids;
  if (!name.empty()) in.name = name;
  auto made = db.write(actor, [&](store::Unit& u) { return store::households::create(u, in); });
  if (!made) {
    ADD_FAILURE() << "creating a household: " << made.status().to_string();
    return {};
  }
  return *made;
}

}  // namespace steward::testing
