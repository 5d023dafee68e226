#include "support/dedupe_fixtures.hpp"

#include <gtest/gtest.h>

#include "domain/date.hpp"
#include "domain/name_normalizer.hpp"

namespace steward::testing::dedupe {
namespace {

const store::Actor kFixture{"test:fixture", ""};

template <typename F>
void run(store::Database& db, F&& fn) {
  Status s = db.write(kFixture, [&](store::Unit& u) {
    fn(u);
    return Status::ok();
  });
  ASSERT_TRUE(s.is_ok()) << s.to_string();
}

}  // namespace

long long add_person(store::Database& db, const std::string& first, const std::string& last) {
  long long id = 0;
  std::string display = first + " " + last;
  std::string sort = last + ", " + first;
  std::string now = domain::utc_now_iso();
  run(db, [&](store::Unit& u) {
    u.sql() << "INSERT INTO constituents (kind, first_name, last_name, display_name, sort_name, "
               "created_at, updated_at) VALUES ('individual', :f, :l, :d, :s, :c, :u) "
               "RETURNING id",
        soci::use(first), soci::use(last), soci::use(display), soci::use(sort), soci::use(now),
        soci::use(now), soci::into(id);
  });
  return id;
}

void add_email(store::Database& db, long long person, const std::string& email, bool primary) {
  int p = primary ? 1 : 0;
  run(db, [&](store::Unit& u) {
    u.sql() << "INSERT INTO emails (constituent_id, email, is_primary) VALUES (:c, :e, :p)",
        soci::use(person), soci::use(email), soci::use(p);
  });
}

void add_phone(store::Database& db, long long person, const std::string& phone, bool primary) {
  int p = primary ? 1 : 0;
  std::string norm = domain::normalize_phone(phone);
  run(db, [&](store::Unit& u) {
    u.sql() << "INSERT INTO phones (constituent_id, phone, phone_normalized, is_primary) "
               "VALUES (:c, :ph, :n, :p)",
        soci::use(person), soci::use(phone), soci::use(norm), soci::use(p);
  });
}

void add_address(store::Database& db, long long person, const std::string& line1,
                 const std::string& postal, bool primary) {
  int p = primary ? 1 : 0;
  run(db, [&](store::Unit& u) {
    u.sql() << "INSERT INTO addresses (constituent_id, line1, postal_code, is_primary) "
               "VALUES (:c, :l, :z, :p)",
        soci::use(person), soci::use(line1), soci::use(postal), soci::use(p);
  });
}

long long add_gift(store::Database& db, long long person, long long amount_minor) {
  long long id = 0;
  run(db, [&](store::Unit& u) {
    u.sql() << "INSERT INTO gifts (constituent_id, received_on, amount_minor, currency, "
               "base_amount_minor, base_currency, payment_method) VALUES (:c, '2025-03-01', "
               ":a, 'USD', :b, 'USD', 'check') RETURNING id",
        soci::use(person), soci::use(amount_minor), soci::use(amount_minor), soci::into(id);
  });
  return id;
}

void add_soft_credit(store::Database& db, long long gift, long long person, long long amount_minor,
                     const std::string& role) {
  run(db, [&](store::Unit& u) {
    u.sql() << "INSERT INTO soft_credits (gift_id, constituent_id, amount_minor, role) "
               "VALUES (:g, :c, :a, :r)",
        soci::use(gift), soci::use(person), soci::use(amount_minor), soci::use(role);
  });
}

void add_tag(store::Database& db, long long person, const std::string& tag) {
  run(db, [&](store::Unit& u) {
    long long tag_id = 0;
    soci::indicator ind = soci::i_null;
    u.sql() << "SELECT id FROM tags WHERE name = :n", soci::use(tag), soci::into(tag_id, ind);
    if (!u.sql().got_data() || ind != soci::i_ok) {
      u.sql() << "INSERT INTO tags (name) VALUES (:n) RETURNING id", soci::use(tag),
          soci::into(tag_id);
    }
    u.sql() << "INSERT INTO constituent_tags (constituent_id, tag_id) VALUES (:c, :t)",
        soci::use(person), soci::use(tag_id);
  });
}

void add_relationship(store::Database& db, long long a, long long b, const std::string& type) {
  run(db, [&](store::Unit& u) {
    u.sql() << "INSERT INTO relationships (constituent_id, related_id, type, reciprocal_type) "
               "VALUES (:a, :b, :t, :r)",
        soci::use(a), soci::use(b), soci::use(type), soci::use(type);
  });
}

void exec(store::Database& db, const std::string& sql) {
  run(db, [&](store::Unit& u) { u.sql() << sql; });
}

}  // namespace steward::testing::dedupe
