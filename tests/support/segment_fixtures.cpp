#include "support/segment_fixtures.hpp"

#include <gtest/gtest.h>

#include "domain/date.hpp"
#include "store/settings_repository.hpp"
#include "store/soci_optional.hpp"

namespace steward::testing {
namespace {

const store::Actor kFixture{"test:fixture", ""};

template <typename F>
long long write_id(store::Database& db, F&& fn) {
  auto r = db.write(kFixture, [&](store::Unit& u) -> Result<long long> { return fn(u); });
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? *r : -1;
}

}  // namespace

long long SegmentFixtures::constituent(const std::string& display_name, const std::string& kind,
                                       const std::optional<std::string>& organization_type) {
  return write_id(db_, [&](store::Unit& u) {
    long long id = 0;
    std::string now = domain::utc_now_iso();
    u.sql() << "INSERT INTO constituents (kind, display_name, sort_name, organization_type, "
               "created_at, updated_at) VALUES (:kind, :name, :sort, :type, :c, :u) RETURNING id",
        soci::use(kind), soci::use(display_name), soci::use(display_name),
        soci::use(organization_type), soci::use(now), soci::use(now), soci::into(id);
    return id;
  });
}

void SegmentFixtures::set_flag(long long id, const std::string& column, bool value) {
  ASSERT_TRUE(column == "restricted" || column == "do_not_email" || column == "do_not_mail");
  write_id(db_, [&](store::Unit& u) {
    int v = value ? 1 : 0;
    u.sql() << "UPDATE constituents SET " + column + " = :v WHERE id = :id", soci::use(v),
        soci::use(id);
    return id;
  });
}

void SegmentFixtures::soft_delete(long long id) {
  write_id(db_, [&](store::Unit& u) {
    std::string now = domain::utc_now_iso();
    u.sql() << "UPDATE constituents SET deleted_at = :d WHERE id = :id", soci::use(now),
        soci::use(id);
    return id;
  });
}

void SegmentFixtures::email(long long id, const std::string& address, bool primary,
                            bool unsubscribed) {
  write_id(db_, [&](store::Unit& u) {
    int p = primary ? 1 : 0;
    std::optional<std::string> unsub;
    if (unsubscribed) unsub = domain::utc_now_iso();
    u.sql() << "INSERT INTO emails (constituent_id, email, is_primary, unsubscribed_at) "
               "VALUES (:id, :email, :p, :unsub)",
        soci::use(id), soci::use(address), soci::use(p), soci::use(unsub);
    return id;
  });
}

void SegmentFixtures::address(long long id, const std::string& country, const std::string& region,
                              bool primary, bool undeliverable) {
  write_id(db_, [&](store::Unit& u) {
    int p = primary ? 1 : 0;
    int bad = undeliverable ? 1 : 0;
    std::string line1 = "1 Main Street";
    u.sql() << "INSERT INTO addresses (constituent_id, line1, region, country, is_primary, "
               "undeliverable) VALUES (:id, :line1, :region, :country, :p, :bad)",
        soci::use(id), soci::use(line1), soci::use(region), soci::use(country), soci::use(p),
        soci::use(bad);
    return id;
  });
}

long long SegmentFixtures::tag(long long id, const std::string& name) {
  return write_id(db_, [&](store::Unit& u) {
    long long tag_id = 0;
    u.sql() << "SELECT id FROM tags WHERE name = :name", soci::use(name), soci::into(tag_id);
    if (!u.sql().got_data()) {
      u.sql() << "INSERT INTO tags (name) VALUES (:name) RETURNING id", soci::use(name),
          soci::into(tag_id);
    }
    u.sql() << "INSERT INTO constituent_tags (constituent_id, tag_id) VALUES (:c, :t)",
        soci::use(id), soci::use(tag_id);
    return tag_id;
  });
}

long long SegmentFixtures::fund(const std::string& code) {
  return write_id(db_, [&](store::Unit& u) {
    long long id = 0;
    u.sql() << "INSERT INTO funds (code, name) VALUES (:code, :name) RETURNING id", soci::use(code),
        soci::use(code), soci::into(id);
    return id;
  });
}

long long SegmentFixtures::campaign(const std::string& code) {
  return write_id(db_, [&](store::Unit& u) {
    long long id = 0;
    u.sql() << "INSERT INTO campaigns (code, name, currency) VALUES (:code, :name, 'USD') "
               "RETURNING id",
        soci::use(code), soci::use(code), soci::into(id);
    return id;
  });
}

long long SegmentFixtures::appeal(long long campaign_id, const std::string& code) {
  return write_id(db_, [&](store::Unit& u) {
    long long id = 0;
    u.sql() << "INSERT INTO appeals (campaign_id, code, name, currency) VALUES (:c, :code, "
               ":name, 'USD') RETURNING id",
        soci::use(campaign_id), soci::use(code), soci::use(code), soci::into(id);
    return id;
  });
}

long long SegmentFixtures::gift(long long id, const GiftSpec& spec) {
  return write_id(db_, [&](store::Unit& u) {
    long long gift_id = 0;
    long long amount = spec.amount_minor;
    long long refunded = spec.refunded_minor;
    std::optional<std::string> deleted;
    if (spec.deleted) deleted = domain::utc_now_iso();
    u.sql() << "INSERT INTO gifts (constituent_id, received_on, amount_minor, currency, "
               "base_amount_minor, base_currency, refunded_minor, base_refunded_minor, "
               "payment_method, status, campaign_id, appeal_id, deleted_at) VALUES (:c, :on, "
               ":amount, 'USD', :base, 'USD', :refunded, :base_refunded, 'check', :status, "
               ":campaign, :appeal, :deleted) RETURNING id",
        soci::use(id), soci::use(spec.received_on), soci::use(amount), soci::use(amount),
        soci::use(refunded), soci::use(refunded), soci::use(spec.status),
        soci::use(spec.campaign_id), soci::use(spec.appeal_id), soci::use(deleted),
        soci::into(gift_id);
    if (spec.fund_id) {
      u.sql() << "INSERT INTO gift_allocations (gift_id, fund_id, amount_minor, refunded_minor) "
                 "VALUES (:g, :f, :a, :r)",
          soci::use(gift_id), soci::use(*spec.fund_id), soci::use(amount), soci::use(refunded);
    }
    return gift_id;
  });
}

long long SegmentFixtures::gift(long long id, const std::string& received_on,
                                std::int64_t amount_minor, const std::string& status,
                                std::int64_t refunded_minor, std::optional<long long> fund_id,
                                std::optional<long long> campaign_id,
                                std::optional<long long> appeal_id) {
  GiftSpec spec;
  spec.received_on = received_on;
  spec.amount_minor = amount_minor;
  spec.status = status;
  spec.refunded_minor = refunded_minor;
  spec.fund_id = fund_id;
  spec.campaign_id = campaign_id;
  spec.appeal_id = appeal_id;
  return gift(id, spec);
}

long long SegmentFixtures::plan(long long id, const std::string& status) {
  return write_id(db_, [&](store::Unit& u) {
    long long plan_id = 0;
    u.sql() << "INSERT INTO recurring_plans (constituent_id, amount_minor, currency, frequency, "
               "anchor_day, starts_on, status) VALUES (:c, 5000, 'USD', 'monthly', 1, "
               "'2025-01-01', :status) RETURNING id",
        soci::use(id), soci::use(status), soci::into(plan_id);
    return plan_id;
  });
}

void SegmentFixtures::set_setting(const std::string& key, const std::string& value) {
  auto s = db_.write(kFixture, [&](store::Unit& u) { return store::settings::set(u, key, value); });
  ASSERT_TRUE(s.is_ok()) << s.to_string();
}

}  // namespace steward::testing
