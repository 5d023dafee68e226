// The conventions every repository relies on, checked on both backends: booleans read as 0/1
// ints, dates as "YYYY-MM-DD" text, instants as text normalize_timestamp() understands, sums as
// 64-bit integers, RETURNING gives the new id, Hangul round-trips byte for byte.
#include <gtest/gtest.h>

#include "domain/date.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

class ValueMappingTest : public testing::DatabaseTest {};

TEST_P(ValueMappingTest, RowsRoundTripThroughTheConventions) {
  auto r = db().write(actor(), [&](Unit& u) -> Status {
    long long id = 0;
    std::string name = "김하나 (Kim Hana)";
    int yes = 1;
    std::string now = domain::utc_now_iso();
    u.sql() << "INSERT INTO constituents (kind, display_name, sort_name, restricted, created_at, "
               "updated_at) VALUES ('individual', :n, :n2, :r, :c, :u) RETURNING id",
        soci::use(name), soci::use(name), soci::use(yes), soci::use(now), soci::use(now),
        soci::into(id);
    EXPECT_GT(id, 0);

    int restricted = -1, do_not_email = -1;
    std::string back, created;
    u.sql() << "SELECT display_name, restricted, do_not_email, created_at FROM constituents "
               "WHERE id = :id",
        soci::use(id), soci::into(back), soci::into(restricted), soci::into(do_not_email),
        soci::into(created);
    EXPECT_EQ(back, name);
    EXPECT_EQ(restricted, 1);
    EXPECT_EQ(do_not_email, 0);
    EXPECT_EQ(domain::normalize_timestamp(created), now);

    u.sql() << "INSERT INTO funds (code, name) VALUES ('GEN', 'General')";
    long long fund = 0;
    u.sql() << "SELECT id FROM funds WHERE code = 'GEN'", soci::into(fund);
    std::string received = "2025-02-28";
    long long big = 4'000'000'000'000LL;
    long long gift = 0;
    u.sql() << "INSERT INTO gifts (constituent_id, received_on, amount_minor, currency, "
               "base_amount_minor, base_currency, payment_method) "
               "VALUES (:c, :d, :a, 'USD', :b, 'USD', 'card') RETURNING id",
        soci::use(id), soci::use(received), soci::use(big), soci::use(big), soci::into(gift);
    u.sql() << "INSERT INTO gifts (constituent_id, received_on, amount_minor, currency, "
               "base_amount_minor, base_currency, payment_method) "
               "VALUES (:c, :d, :a, 'USD', :b, 'USD', 'card')",
        soci::use(id), soci::use(received), soci::use(big), soci::use(big);
    long long sum = 0;
    std::string day;
    u.sql() << "SELECT SUM(amount_minor), MAX(received_on) FROM gifts WHERE received_on >= :d",
        soci::use(received), soci::into(sum), soci::into(day);
    EXPECT_EQ(sum, 2 * big);
    EXPECT_EQ(day, "2025-02-28");
    long long flagged = 0;
    u.sql() << "SELECT COUNT(*) FROM constituents WHERE restricted = TRUE AND do_not_email = FALSE",
        soci::into(flagged);
    EXPECT_EQ(flagged, 1);
    return Status::ok();
  });
  ASSERT_TRUE(r.is_ok()) << r.to_string();
}

TEST_P(ValueMappingTest, ConstraintViolationsBecomeConflictsAndWriteNothing) {
  auto first = db().write(actor(), [&](Unit& u) {
    u.sql() << "INSERT INTO funds (code, name) VALUES ('MED', 'Medical Support')";
    return Status::ok();
  });
  ASSERT_TRUE(first.is_ok());
  auto second = db().write(actor(), [&](Unit& u) {
    u.sql() << "INSERT INTO funds (code, name) VALUES ('NEW', 'New fund')";
    u.sql() << "INSERT INTO funds (code, name) VALUES ('MED', 'Duplicate code')";
    return Status::ok();
  });
  EXPECT_EQ(second.code(), StatusCode::kConflict) << second.to_string();
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM funds"), 1);  // 'NEW' rolled back
}

TEST_P(ValueMappingTest, AnErrorStatusRollsTheUnitBack) {
  auto r = db().write(actor(), [&](Unit& u) {
    u.sql() << "INSERT INTO funds (code, name) VALUES ('A', 'A')";
    return Status::invalid_field("name", "refused after the insert");
  });
  EXPECT_EQ(r.code(), StatusCode::kInvalid);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM funds"), 0);
}

TEST_P(ValueMappingTest, AuditTrailIsAppendOnly) {
  ASSERT_TRUE(db().write(actor(),
                         [&](Unit& u) {
                           u.sql() << "INSERT INTO audit_events (actor, action, entity_type) "
                                      "VALUES ('t', 'create', 'fund')";
                           return Status::ok();
                         })
                  .is_ok());
  auto edit = db().write(actor(), [&](Unit& u) {
    u.sql() << "UPDATE audit_events SET actor = 'someone else'";
    return Status::ok();
  });
  EXPECT_FALSE(edit.is_ok());
  auto erase = db().write(actor(), [&](Unit& u) {
    u.sql() << "DELETE FROM audit_events";
    return Status::ok();
  });
  EXPECT_FALSE(erase.is_ok());
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE actor = 't'"), 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(ValueMappingTest);

}  // namespace
}  // namespace steward::store
