#include "support/mail_fixtures.hpp"

#include <stdexcept>

#include "engine/gift_service.hpp"
#include "store/mail_settings.hpp"
#include "support/gift_fixtures.hpp"

namespace steward::testing {
namespace {

const store::Actor kFixture{"test:fixture", ""};

void check(const Status& s) {
  if (!s) throw std::runtime_error(s.to_string());
}

}  // namespace

long long make_donor(store::Database& db, const std::string& name, const std::string& email) {
  long long id = make_person(db, name);
  if (!email.empty()) {
    check(db.write(kFixture, [&](store::Unit& u) {
      int primary = 1;
      u.sql() << "INSERT INTO emails (constituent_id, email, kind, is_primary) "
                 "VALUES (:c, :e, 'home', :p)",
          soci::use(id), soci::use(email), soci::use(primary);
      return Status::ok();
    }));
  }
  return id;
}

void set_do_not_email(store::Database& db, long long constituent_id, bool value) {
  check(db.write(kFixture, [&](store::Unit& u) {
    int flag = value ? 1 : 0;
    u.sql() << "UPDATE constituents SET do_not_email = :f WHERE id = :id", soci::use(flag),
        soci::use(constituent_id);
    return Status::ok();
  }));
}

long long record_gift_for(store::Database& db, long long donor, long long amount_minor,
                          const std::string& day, long long fund, const std::string& currency) {
  auto in = gift_input(donor, amount_minor, day, fund);
  in.amount = {amount_minor, currency};
  in.allocations.at(0).amount = {amount_minor, currency};
  if (currency != "USD") in.exchange_rate = "0.00075";  // e.g. KRW -> USD
  auto recorded = db.write(kFixture, [&](store::Unit& u) { return engine::record_gift(u, in); });
  if (!recorded) throw std::runtime_error(recorded.status().to_string());
  return recorded->gift.id;
}

void set_mail_setting(store::Database& db, const std::string& key, const std::string& value) {
  check(
      db.write(kFixture, [&](store::Unit& u) { return store::mail_settings::set(u, key, value); }));
}

}  // namespace steward::testing
