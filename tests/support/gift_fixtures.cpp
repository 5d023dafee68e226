#include "support/gift_fixtures.hpp"

#include <stdexcept>

#include "store/fund_repository.hpp"
#include "store/settings_repository.hpp"
#include "store/soci_optional.hpp"

namespace steward::testing {
namespace {

const store::Actor kFixture{"test:fixture", ""};

long long make_constituent(store::Database& db, const std::string& kind, const std::string& name) {
  auto id = db.write(kFixture, [&](store::Unit& u) -> Result<long long> {
    long long out = 0;
    u.sql() << "INSERT INTO constituents (kind, display_name, sort_name) VALUES (:k, :n, :s) "
               "RETURNING id",
        soci::use(kind), soci::use(name), soci::use(name), soci::into(out);
    return out;
  });
  if (!id) throw std::runtime_error(id.status().to_string());
  return *id;
}

void check(const Status& s) {
  if (!s) throw std::runtime_error(s.to_string());
}

}  // namespace

long long make_person(store::Database& db, const std::string& name) {
  return make_constituent(db, "individual", name);
}

long long make_household(store::Database& db, const std::string& name) {
  return make_constituent(db, "household", name);
}

void add_member(store::Database& db, long long household, long long member,
                const std::optional<std::string>& started_on) {
  check(db.write(kFixture, [&](store::Unit& u) {
    u.sql() << "INSERT INTO household_members (household_id, member_id, started_on) "
               "VALUES (:h, :m, :s)",
        soci::use(household), soci::use(member), soci::use(started_on);
    return Status::ok();
  }));
}

void end_membership(store::Database& db, long long member, const std::string& ended_on) {
  check(db.write(kFixture, [&](store::Unit& u) {
    u.sql() << "UPDATE household_members SET ended_on = :e WHERE member_id = :m "
               "AND ended_on IS NULL",
        soci::use(ended_on), soci::use(member);
    return Status::ok();
  }));
}

long long make_fund(store::Database& db, const std::string& code) {
  domain::FundInput in;
  in.code = code;
  in.name = code + " fund";
  auto f = db.write(kFixture, [&](store::Unit& u) { return store::funds::create(u, in); });
  if (!f) throw std::runtime_error(f.status().to_string());
  return f->id;
}

void set_setting(store::Database& db, const std::string& key, const std::string& value) {
  check(db.write(kFixture, [&](store::Unit& u) { return store::settings::set(u, key, value); }));
}

domain::GiftInput gift_input(long long donor, long long amount_minor, const std::string& day,
                             long long fund) {
  domain::GiftInput in;
  in.constituent_id = donor;
  in.received_on = day;
  in.amount = {amount_minor, "USD"};
  in.payment_method = "cash";
  in.allocations.push_back({fund, {amount_minor, "USD"}, 0});
  return in;
}

}  // namespace steward::testing
